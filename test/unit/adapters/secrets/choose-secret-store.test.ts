import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSecretStore } from '../../../../main/adapters/secrets/choose-secret-store.ts';
import type { KeytarApi } from '../../../../main/adapters/secrets/keytar-secret-store.ts';
import type { SafeStorageApi } from '../../../../main/adapters/secrets/safe-storage-secret-store.ts';

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

const workingKeytar: KeytarApi = {
  getPassword: () => Promise.resolve(null),
  setPassword: () => Promise.resolve(),
  deletePassword: () => Promise.resolve(false),
};
const noDbusKeytar: KeytarApi = {
  ...workingKeytar,
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};
const hangingKeytar: KeytarApi = { ...workingKeytar, getPassword: () => new Promise(() => {}) };

/** Reversible but not plain: enough to tell the chooser picked safeStorage and it works. */
function safeStorage(backend: Backend): SafeStorageApi {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amoot-choose-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chooseSecretStore', () => {
  it('uses the keychain when it answers', async () => {
    const choice = await chooseSecretStore({
      keytar: { load: () => Promise.resolve(workingKeytar) },
      safeStorage: safeStorage('gnome_libsecret'),
      safeStorageFile: join(dir, 'token.enc.json'),
      platform: 'linux',
    });
    expect(choice.store.backend).toBe('keychain');
    expect(choice.reason).toEqual({ key: 'token.backend.keychain' });
  });

  it('falls back to safeStorage when keytar cannot even be loaded', async () => {
    const choice = await chooseSecretStore({
      keytar: {
        load: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object')),
      },
      safeStorage: safeStorage('kwallet5'),
      safeStorageFile: join(dir, 'token.enc.json'),
      platform: 'linux',
    });
    expect(choice.store).toMatchObject({ backend: 'safe-storage', persistent: true });
    expect(choice.reason).toEqual({ key: 'token.backend.safe-storage' });
    expect(choice.detail).toContain('libsecret-1.so.0');
    await choice.store.set('works-after-fallback');
    expect(await choice.store.get()).toBe('works-after-fallback');
  });

  it('falls back when no Secret Service is on the bus', async () => {
    const choice = await chooseSecretStore({
      keytar: { load: () => Promise.resolve(noDbusKeytar) },
      safeStorage: safeStorage('gnome_libsecret'),
      safeStorageFile: join(dir, 'token.enc.json'),
      platform: 'linux',
    });
    expect(choice.store.backend).toBe('safe-storage');
    expect(choice.detail).toContain('autolaunch');
  });

  it('does not wait on a keychain that hangs', async () => {
    const started = performance.now();
    const choice = await chooseSecretStore({
      keytar: { load: () => Promise.resolve(hangingKeytar), probeTimeoutMs: 50 },
      safeStorage: safeStorage('gnome_libsecret'),
      safeStorageFile: join(dir, 'token.enc.json'),
      platform: 'linux',
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(choice.store.backend).toBe('safe-storage');
    expect(choice.detail).toMatch(/within 50 ms/);
  });

  it('keeps the token in memory only, and says so, when safeStorage would use basic_text', async () => {
    const choice = await chooseSecretStore({
      keytar: { load: () => Promise.resolve(noDbusKeytar) },
      safeStorage: safeStorage('basic_text'),
      safeStorageFile: join(dir, 'token.enc.json'),
      platform: 'linux',
    });
    expect(choice.store).toMatchObject({ backend: 'memory', persistent: false });
    expect(choice.reason).toEqual({ key: 'token.backend.memory' });
    expect(choice.detail).toContain('basic_text');
  });

  it('keeps the token in memory only when safeStorage is not offered', async () => {
    const choice = await chooseSecretStore({
      keytar: { load: () => Promise.reject(new Error('no keytar')) },
      safeStorageFile: join(dir, 'token.enc.json'),
    });
    expect(choice.store.backend).toBe('memory');
    await choice.store.set('this-run-only');
    expect(await choice.store.get()).toBe('this-run-only');
  });
});
