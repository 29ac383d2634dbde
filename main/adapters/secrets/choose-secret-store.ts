import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { SecretStore } from '../../core/ports/secret-store.ts';
import { createKeytarSecretStore, type KeytarStoreOptions } from './keytar-secret-store.ts';
import { createMemorySecretStore } from './memory-secret-store.ts';
import {
  checkSafeStorage,
  createSafeStorageSecretStore,
  type SafeStorageApi,
} from './safe-storage-secret-store.ts';

export interface ChooseSecretStoreDeps {
  readonly keytar?: KeytarStoreOptions;
  /**
   * Electron's `safeStorage`, passed only once the app is ready (before that Linux reports the
   * backend as `unknown`, which is refused). Leave it out where safeStorage must not be used.
   */
  readonly safeStorage?: SafeStorageApi;
  /** Where the safeStorage ciphertext lives, e.g. `<userData>/token.enc.json`. */
  readonly safeStorageFile: string;
  readonly platform?: NodeJS.Platform;
}

export interface SecretStoreChoice {
  readonly store: SecretStore;
  /** Why this store, for the UI (also says what the user can do about a weaker choice). */
  readonly reason: LocalizedMessage;
  /** Every attempt and why it was passed over, in English, for the log. Never holds the token. */
  readonly detail: string;
}

/**
 * Picks where the token lives, strongest first: the OS keychain if it answers a probe in time;
 * else safeStorage if it encrypts with a real key; else memory for this run only. Runs once at
 * startup; the answer is shown to the user, because the weaker stores change what they can expect.
 */
export async function chooseSecretStore(deps: ChooseSecretStoreDeps): Promise<SecretStoreChoice> {
  const keychain = createKeytarSecretStore(deps.keytar);
  const probe = await keychain.probe();
  if (probe.ok) {
    return {
      store: keychain,
      reason: { key: 'token.backend.keychain' },
      detail: 'keychain: answered',
    };
  }
  const tried = [`keychain: ${probe.detail}`];

  if (deps.safeStorage) {
    const usability = checkSafeStorage(deps.safeStorage, deps.platform);
    if (usability.usable) {
      const store = createSafeStorageSecretStore({
        safeStorage: deps.safeStorage,
        filePath: deps.safeStorageFile,
        platform: deps.platform,
      });
      tried.push('safe-storage: usable');
      return { store, reason: { key: 'token.backend.safe-storage' }, detail: tried.join('; ') };
    }
    tried.push(`safe-storage: ${usability.detail}`);
  } else {
    tried.push('safe-storage: not offered');
  }

  tried.push('memory: this run only');
  return {
    store: createMemorySecretStore(),
    reason: { key: 'token.backend.memory' },
    detail: tried.join('; '),
  };
}
