import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { SecretBackend } from '../ports/secret-store.ts';

/**
 * How a secret store failed, in terms of what the user can do about it: unlock (locked), allow
 * access (denied), start or install a keychain (unavailable), answer a waiting prompt (timeout),
 * enter the token again (unreadable), or retry (failed).
 */
export type SecretErrorKind =
  'locked' | 'denied' | 'unavailable' | 'timeout' | 'unreadable' | 'failed';

const keychainKeys: Readonly<Record<SecretErrorKind, MessageKey>> = {
  locked: 'token.keychain.locked',
  denied: 'token.keychain.denied',
  unavailable: 'token.keychain.unavailable',
  timeout: 'token.keychain.timeout',
  unreadable: 'token.keychain.failed',
  failed: 'token.keychain.failed',
};

const safeStorageKeys: Readonly<Record<SecretErrorKind, MessageKey>> = {
  locked: 'token.safe-storage.unavailable',
  denied: 'token.safe-storage.unavailable',
  unavailable: 'token.safe-storage.unavailable',
  timeout: 'token.safe-storage.failed',
  unreadable: 'token.safe-storage.unreadable',
  failed: 'token.safe-storage.failed',
};

/**
 * A classified failure of a `SecretStore`. Adapters throw it so the token service can tell the user
 * what to do without knowing which operating system said what. The Error's `message` is English
 * detail for the log and must already be free of the token; it deliberately carries no `cause`, so
 * a logger that prints causes cannot reach an unredacted native error.
 */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  readonly backend: SecretBackend;
  readonly kind: SecretErrorKind;
  /** What the user reads, in their language. */
  readonly localized: LocalizedMessage;

  constructor(backend: SecretBackend, kind: SecretErrorKind, detail: string) {
    super(detail);
    this.backend = backend;
    this.kind = kind;
    const keys = backend === 'safe-storage' ? safeStorageKeys : keychainKeys;
    this.localized = { key: keys[kind] };
  }
}

export function isSecretStoreError(error: unknown): error is SecretStoreError {
  return error instanceof SecretStoreError;
}
