import { redactSecrets } from '../../core/token/redact.ts';
import { SecretStoreError, type SecretErrorKind } from '../../core/token/secret-store-error.ts';
import { TimeLimitError } from './time-limit.ts';
import { describeError } from '../../core/describe-error.ts';

/**
 * Message patterns of the three keychains keytar talks to, in the order they are tried: libsecret
 * (GLib/D-Bus error text), macOS Security framework (`SecCopyErrorMessageString` text and OSStatus
 * codes) and Windows Credential Manager (`FormatMessage` text). keytar passes these on as plain
 * strings, so the text is all there is to classify. "User interaction is not allowed" is macOS's
 * word for a locked keychain, hence `locked` is tried before `denied`.
 */
const patterns: ReadonlyArray<readonly [SecretErrorKind, RegExp]> = [
  [
    'unavailable',
    /autolaunch|org\.freedesktop\.secrets|not provided by any \.service|ServiceUnknown|NoReply|no such secret collection|secret service|Failed to load keytar|could not connect|logon session does not exist|No keychain is available|errSecNotAvailable|-25291|errSecNoSuchKeychain|-25294/i,
  ],
  [
    'locked',
    /\blocked\b|interaction is not allowed|errSecInteractionNotAllowed|-25308|errSecKeychainLocked/i,
  ],
  [
    'denied',
    /denied|dismissed|cancel+ed|not allowed|authori[sz]|errSecAuthFailed|-25293|-128\b|passphrase you entered|permission/i,
  ],
];

/**
 * Turns whatever keytar threw into a `SecretStoreError` whose kind decides the advice the user
 * reads. The native text goes into the log detail with `secrets` (the token being written, if any)
 * removed, in case a keychain ever echoes what it was given.
 */
export function classifyKeychainError(
  error: unknown,
  operation: string,
  secrets: readonly string[],
): SecretStoreError {
  const text = describeError(error, 'message');
  const kind: SecretErrorKind =
    error instanceof TimeLimitError
      ? 'timeout'
      : (patterns.find(([, pattern]) => pattern.test(text))?.[0] ?? 'failed');
  return new SecretStoreError(
    'keychain',
    kind,
    redactSecrets(`keychain ${operation} failed (${kind}): ${text}`, secrets),
  );
}
