import { readFile, rm } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../../core/ports/secret-store.ts';
import { SecretStoreError, type SecretErrorKind } from '../../core/token/secret-store-error.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import { describeError } from '../../core/describe-error.ts';

/** The part of Electron's `safeStorage` this store uses; tests pass a fake. */
export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

export type SafeStorageUsability = { usable: true } | { usable: false; detail: string };

/**
 * Linux backends that do not protect the key: `basic_text` encrypts with a key hard-coded in
 * Chromium, so its ciphertext is as good as plain text on disk. `unknown` is what Electron reports
 * before the app is ready or when it could not tell; since it might be `basic_text`, it is refused
 * too (call this after `app.whenReady()`).
 */
const refusedLinuxBackends: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/**
 * Whether safeStorage protects the token as well as the design asks: encryption must be available
 * and, on Linux, keyed by a real password store (GNOME libsecret or KWallet). On macOS (a keychain
 * key) and Windows (DPAPI) availability is enough.
 */
export function checkSafeStorage(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): SafeStorageUsability {
  try {
    if (!safeStorage.isEncryptionAvailable()) {
      return { usable: false, detail: 'safeStorage reports encryption is not available' };
    }
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (refusedLinuxBackends.has(backend)) {
        return {
          usable: false,
          detail: `safeStorage backend "${backend}" does not protect the key`,
        };
      }
    }
    return { usable: true };
  } catch (error) {
    return {
      usable: false,
      detail: `safeStorage could not be queried: ${describeError(error, 'message')}`,
    };
  }
}

const FORMAT = 'amoot-contact-sync/token';
const VERSION = 1;

export interface SafeStorageStoreOptions {
  readonly safeStorage: SafeStorageApi;
  /** The file that holds the ciphertext, e.g. `<userData>/token.enc.json`. */
  readonly filePath: string;
  readonly platform?: NodeJS.Platform;
}

/**
 * The token encrypted by Electron's safeStorage, with only the ciphertext on disk (mode 0600,
 * replaced atomically so a crash mid-write cannot leave half a token). Used when keytar cannot
 * reach a keychain. Usability is checked on every call, not only at startup, because the app may be
 * restarted with `--password-store=basic`; then the store refuses rather than writing a token under
 * a hard-coded key.
 */
export function createSafeStorageSecretStore(options: SafeStorageStoreOptions): SecretStore {
  const { safeStorage, filePath } = options;
  const platform = options.platform ?? process.platform;

  function fail(kind: SecretErrorKind, detail: string): SecretStoreError {
    return new SecretStoreError('safe-storage', kind, `safe-storage ${detail}`);
  }

  function requireUsable(operation: string): void {
    const usability = checkSafeStorage(safeStorage, platform);
    if (!usability.usable) throw fail('unavailable', `${operation} refused: ${usability.detail}`);
  }

  return {
    backend: 'safe-storage',
    persistent: true,

    async get() {
      requireUsable('read');
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw fail('failed', `read of ${filePath} failed: ${describeError(error, 'message')}`);
      }
      const ciphertext = parseTokenFile(text);
      if (!ciphertext) throw fail('unreadable', `${filePath} is not a token file`);
      try {
        return safeStorage.decryptString(ciphertext);
      } catch (error) {
        throw fail(
          'unreadable',
          `decryption of ${filePath} failed: ${describeError(error, 'message')}`,
        );
      }
    },

    async set(secret) {
      requireUsable('write');
      let ciphertext: Buffer;
      try {
        ciphertext = safeStorage.encryptString(secret);
      } catch (error) {
        // Electron's message names the operation, never the plain text.
        throw fail('unavailable', `encryption failed: ${describeError(error, 'message')}`);
      }
      const file = { format: FORMAT, version: VERSION, ciphertext: ciphertext.toString('base64') };
      try {
        await writeFileAtomic(filePath, Buffer.from(`${JSON.stringify(file)}\n`, 'utf8'), 0o600);
      } catch (error) {
        throw fail('failed', `write of ${filePath} failed: ${describeError(error, 'message')}`);
      }
    },

    async delete() {
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw fail('failed', `removal of ${filePath} failed: ${describeError(error, 'message')}`);
      }
    },
  };
}

/** The ciphertext of a file this store wrote, or null for anything else (empty, foreign, damaged). */
function parseTokenFile(text: string): Buffer | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { format, version, ciphertext } = value as Record<string, unknown>;
  if (format !== FORMAT || version !== VERSION || typeof ciphertext !== 'string') return null;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(ciphertext)) return null;
  return Buffer.from(ciphertext, 'base64');
}
