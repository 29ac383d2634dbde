import type { SecretStore } from '../../core/ports/secret-store.ts';

/**
 * The last resort when neither the keychain nor safeStorage can be used: the token lives only in
 * this process and is gone at exit. `persistent: false` lets the UI say so, so the user is not
 * surprised to be asked for the token again after a restart.
 */
export function createMemorySecretStore(): SecretStore {
  let secret: string | null = null;
  return {
    backend: 'memory',
    persistent: false,
    get: () => Promise.resolve(secret),
    set: (value) => {
      secret = value;
      return Promise.resolve();
    },
    delete: () => {
      secret = null;
      return Promise.resolve();
    },
  };
}
