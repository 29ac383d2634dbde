/**
 * The token in the real OS keychain (on Linux, gnome-keyring over D-Bus). Skips with a one-line
 * reason when no Secret Service answers, except under CI=true, where it runs and fails instead:
 * CI provides a keyring on purpose (.ci/run), so not reaching it is a fault, not an excuse.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSecretStore } from '../../main/adapters/secrets/choose-secret-store.ts';
import {
  createKeytarSecretStore,
  KEYTAR_ACCOUNT,
  KEYTAR_SERVICE,
  loadKeytar,
} from '../../main/adapters/secrets/keytar-secret-store.ts';
import type { SafeStorageApi } from '../../main/adapters/secrets/safe-storage-secret-store.ts';
import { fetchContactUpdates } from '../../main/core/amoot/client.ts';
import { createTokenService } from '../../main/core/token/token-service.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';

const probe = await createKeytarSecretStore().probe();
const underCi = process.env['CI'] === 'true';
const skipReason = probe.ok ? null : `no Secret Service answered (${probe.detail})`;
if (skipReason && !underCi) console.warn(`keychain.test.ts skipped: ${skipReason}`);

/** Whatever a developer's own keychain holds under the app's real names, put back afterwards. */
let previous: string | null = null;
let dataDir: string;
let sim: Simulator;

/** Would store in clear if ever used; the keychain must be chosen, so this must stay untouched. */
const safeStorageThatMustNotBeUsed: SafeStorageApi = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(text, 'utf8'),
  decryptString: (bytes) => bytes.toString('utf8'),
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.skipIf(skipReason !== null && !underCi)(
  skipReason ? `OS keychain (skipped: ${skipReason})` : 'OS keychain',
  () => {
    beforeAll(async () => {
      if (probe.ok)
        previous = await (await loadKeytar()).getPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT);
      dataDir = await mkdtemp(join(tmpdir(), 'amoot-keychain-data-'));
      sim = await startSimulator({ contacts: 5, seed: 3 });
    });

    afterAll(async () => {
      await sim?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (!probe.ok) return;
      const keytar = await loadKeytar();
      if (previous === null) await keytar.deletePassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT);
      else await keytar.setPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT, previous);
    });

    it('gets an answer from the keychain', () => {
      expect(probe).toEqual({ ok: true });
    });

    it('saves, reads back and deletes the token under the real service and account', async () => {
      const token = `itest-${randomUUID()}`;
      const store = createKeytarSecretStore();
      await store.set(token);
      expect(await store.get()).toBe(token);
      // Read past the adapter: the entry really is in the keychain under the documented names.
      expect(await (await loadKeytar()).getPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT)).toBe(token);
      await store.delete();
      expect(await store.get()).toBeNull();
    });

    it('chooses the keychain, keeps a tested token there, and writes no file under the data folder', async () => {
      const token = `itest-${randomUUID()}`;
      sim.setToken(token, 'valid');
      const choice = await chooseSecretStore({
        safeStorage: safeStorageThatMustNotBeUsed,
        safeStorageFile: join(dataDir, 'token.enc.json'),
        platform: 'linux',
      });
      expect(choice.store.backend).toBe('keychain');
      expect(choice.reason).toEqual({ key: 'token.backend.keychain' });

      const service = createTokenService({
        store: choice.store,
        testToken: (candidate) =>
          fetchContactUpdates({
            token: candidate,
            contactGroupId: '0',
            baseUrl: sim.baseUrl,
            fetch,
            userAgent: 'AmootContactSync/0.1.0 (test)',
            timeoutMs: 5_000,
          }),
      });
      expect(await service.set(token, { test: true })).toEqual({ ok: true });
      expect(await service.status()).toEqual({
        present: true,
        backend: 'keychain',
        persistent: true,
      });
      expect(await service.withToken((t) => Promise.resolve(t === token))).toEqual({
        ok: true,
        value: true,
      });

      const files = await filesUnder(dataDir);
      for (const file of files) {
        expect((await readFile(file)).includes(Buffer.from(token)), file).toBe(false);
      }
      expect(files).not.toContain(join(dataDir, 'token.enc.json'));

      expect(await service.clear()).toEqual({ ok: true });
      expect(await (await loadKeytar()).getPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT)).toBeNull();
    });

    it('refuses a token AmootSMS rejects and leaves the keychain as it was', async () => {
      const kept = `itest-${randomUUID()}`;
      const store = createKeytarSecretStore();
      await store.set(kept);
      const rejected = `itest-${randomUUID()}`;
      sim.setToken(rejected, 'Token_Expired');
      const service = createTokenService({
        store,
        testToken: (candidate) =>
          fetchContactUpdates({
            token: candidate,
            contactGroupId: '0',
            baseUrl: sim.baseUrl,
            fetch,
            userAgent: 'AmootContactSync/0.1.0 (test)',
            timeoutMs: 5_000,
          }),
      });
      expect(await service.set(rejected, { test: true })).toMatchObject({
        ok: false,
        message: { key: 'status.Token_Expired' },
        canSaveUntested: false,
      });
      expect(await store.get()).toBe(kept);
      await store.delete();
    });
  },
);
