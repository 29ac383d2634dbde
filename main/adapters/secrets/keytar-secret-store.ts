import type { SecretStore } from '../../core/ports/secret-store.ts';
import { SecretStoreError } from '../../core/token/secret-store-error.ts';
import { classifyKeychainError } from './classify-keychain-error.ts';
import { withTimeLimit } from './time-limit.ts';
import { describeError } from '../../core/describe-error.ts';

/** The keychain entry's service name: what the user sees in Keychain Access or Seahorse. */
export const KEYTAR_SERVICE = 'Amoot Contact Sync';
export const KEYTAR_ACCOUNT = 'api-token';
/**
 * Read by `probe()` and never written. Probing an entry that cannot exist shows whether the
 * keychain answers without touching the token, so the probe never raises a macOS "allow access"
 * prompt or a Linux unlock prompt, whose waiting for the user a time limit would misread as a hang.
 */
export const KEYTAR_PROBE_ACCOUNT = 'availability-probe';

/** Long enough for a busy D-Bus, short enough that a missing Secret Service does not stall startup. */
export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;
/** Real reads and writes may wait for the user to unlock the keychain, so they get much longer. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 120_000;

/** The part of `@github/keytar` the app uses; tests pass a fake with the same shape. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type ProbeResult = { ok: true } | { ok: false; detail: string };

export interface KeytarSecretStore extends SecretStore {
  /** Whether a keychain answers a read within the probe time limit; never throws. */
  probe(): Promise<ProbeResult>;
}

export interface KeytarStoreOptions {
  /** Loads keytar; defaults to a dynamic import of `@github/keytar`. */
  readonly load?: () => Promise<KeytarApi>;
  readonly probeTimeoutMs?: number;
  readonly operationTimeoutMs?: number;
}

/**
 * Imported on first use rather than at the top of the module: a native module built for another
 * ABI, or a missing libsecret, makes the import throw, and the app must then fall back to another
 * store instead of failing to start.
 */
export async function loadKeytar(): Promise<KeytarApi> {
  const module: { default?: KeytarApi } & Partial<KeytarApi> = await import('@github/keytar');
  const api = module.default ?? module;
  if (typeof api.getPassword !== 'function')
    throw new Error('Failed to load keytar: no getPassword');
  return api as KeytarApi;
}

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * keytar: the preferred store, because the OS protects the token with the user's login.
 */
export function createKeytarSecretStore(options: KeytarStoreOptions = {}): KeytarSecretStore {
  const load = options.load ?? loadKeytar;
  const probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const operationTimeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  let loaded: Promise<KeytarApi> | undefined;

  function api(): Promise<KeytarApi> {
    loaded ??= load();
    return loaded;
  }

  async function call<T>(
    operation: string,
    run: (keytar: KeytarApi) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    let keytar: KeytarApi;
    try {
      keytar = await api();
    } catch (error) {
      const text = describeError(error, 'message');
      throw new SecretStoreError('keychain', 'unavailable', `keytar could not be loaded: ${text}`);
    }
    try {
      return await withTimeLimit(run(keytar), operationTimeoutMs, `keychain ${operation}`);
    } catch (error) {
      throw classifyKeychainError(error, operation, secrets);
    }
  }

  return {
    backend: 'keychain',
    persistent: true,

    get() {
      return call('read', (keytar) => keytar.getPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT));
    },

    set(secret) {
      return call('write', (keytar) => keytar.setPassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT, secret), [
        secret,
      ]);
    },

    async delete() {
      await call('delete', (keytar) => keytar.deletePassword(KEYTAR_SERVICE, KEYTAR_ACCOUNT));
    },

    async probe() {
      const attempt = (async () => {
        const keytar = await api();
        await keytar.getPassword(KEYTAR_SERVICE, KEYTAR_PROBE_ACCOUNT);
      })();
      try {
        await withTimeLimit(attempt, probeTimeoutMs, 'keychain probe');
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: describeError(error, 'message') };
      }
    },
  };
}
