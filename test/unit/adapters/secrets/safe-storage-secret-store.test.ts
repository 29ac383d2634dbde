import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkSafeStorage,
  createSafeStorageSecretStore,
  type SafeStorageApi,
} from '../../../../main/adapters/secrets/safe-storage-secret-store.ts';
import { SecretStoreError } from '../../../../main/core/token/secret-store-error.ts';

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/** Encrypts for real (AES-256-GCM under a per-instance key), as Electron's safeStorage does. */
function fakeSafeStorage(backend: Backend = 'gnome_libsecret', available = true): SafeStorageApi {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString();
    },
  };
}

const TOKEN = 'Amoot-Token-5d1e88c0aa4f';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amoot-safe-storage-'));
  file = join(dir, 'token.enc.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkSafeStorage', () => {
  it.each<Backend>(['basic_text', 'unknown'])('refuses the Linux backend %s', (backend) => {
    expect(checkSafeStorage(fakeSafeStorage(backend), 'linux')).toMatchObject({ usable: false });
  });

  it.each<Backend>(['gnome_libsecret', 'kwallet5', 'kwallet6'])(
    'accepts %s on Linux',
    (backend) => {
      expect(checkSafeStorage(fakeSafeStorage(backend), 'linux')).toEqual({ usable: true });
    },
  );

  it('refuses when encryption is not available', () => {
    expect(checkSafeStorage(fakeSafeStorage('gnome_libsecret', false), 'win32')).toMatchObject({
      usable: false,
    });
  });

  it('does not ask for a Linux backend on Windows or macOS', () => {
    const safeStorage = {
      ...fakeSafeStorage(),
      getSelectedStorageBackend: (): Backend => {
        throw new Error('Linux only');
      },
    };
    expect(checkSafeStorage(safeStorage, 'darwin')).toEqual({ usable: true });
    expect(checkSafeStorage(safeStorage, 'linux')).toMatchObject({ usable: false });
  });
});

describe('safeStorage secret store', () => {
  it('gives back the token it saved, and nothing before', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    expect(store).toMatchObject({ backend: 'safe-storage', persistent: true });
    expect(await store.get()).toBeNull();
    await store.set(TOKEN);
    expect(await store.get()).toBe(TOKEN);
  });

  it('writes only ciphertext: the token is nowhere in the file', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await store.set(TOKEN);
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    expect(bytes.includes(Buffer.from(Buffer.from(TOKEN).toString('base64')))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by its owner only', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await store.set(TOKEN);
    await store.set(`${TOKEN}-2`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces the file whole, leaving no temporary files behind', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await store.set('first-token');
    await store.set('second-token');
    expect(await readdir(dir)).toEqual(['token.enc.json']);
    expect(await store.get()).toBe('second-token');
  });

  it('refuses to save under basic_text and writes no file', async () => {
    const store = createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage('basic_text'),
      filePath: file,
      platform: 'linux',
    });
    const error = await store.set(TOKEN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error).toMatchObject({
      kind: 'unavailable',
      localized: { key: 'token.safe-storage.unavailable' },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('asks for the token again when the key changed and the file cannot be decrypted', async () => {
    await createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file }).set(
      TOKEN,
    );
    const later = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await expect(later.get()).rejects.toMatchObject({
      kind: 'unreadable',
      localized: { key: 'token.safe-storage.unreadable' },
    });
  });

  it('treats a damaged file as unreadable rather than as a token', async () => {
    await writeFile(file, 'not json at all');
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await expect(store.get()).rejects.toMatchObject({ kind: 'unreadable' });
  });

  it('deletes the file, and deleting twice is fine', async () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), filePath: file });
    await store.set(TOKEN);
    await store.delete();
    await store.delete();
    expect(await readdir(dir)).toEqual([]);
    expect(await store.get()).toBeNull();
  });

  it('reports a folder it cannot write as a save failure without the token in the detail', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where a folder should be');
    const store = createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage(),
      filePath: join(blocked, 'token.enc.json'),
    });
    const error = await store.set(TOKEN).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'failed',
      localized: { key: 'token.safe-storage.failed' },
    });
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });
});
