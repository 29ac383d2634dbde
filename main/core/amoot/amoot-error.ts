import type { ErrorKind } from '../../../common/amoot-types.ts';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';

/**
 * One classified failure of a `ContactListUpdates` call. `message` is what the user reads (a key,
 * rendered later in their language); `detail` is for the log only: English, technical, and never
 * containing the token.
 */
export interface AmootError {
  readonly kind: ErrorKind;
  /** The API's `Status` title when the API itself answered; null for transport failures. */
  readonly status: string | null;
  readonly message: LocalizedMessage;
  readonly detail: string;
  readonly httpStatus?: number;
  /** How long the server asked us to wait before trying again (HTTP 429 `Retry-After`). */
  readonly retryAfterMs?: number;
}

export function amootError(
  kind: ErrorKind,
  message: LocalizedMessage,
  detail: string,
  extra: Partial<Pick<AmootError, 'status' | 'httpStatus' | 'retryAfterMs'>> = {},
): AmootError {
  return { kind, status: null, message, detail, ...extra };
}

/** A wrong shape in the body, naming the JSON path (`Data[12].ID`) and what was wrong with it. */
export function shapeError(path: string, problem: string): AmootError {
  return amootError(
    'protocol',
    { key: 'error.protocol.shape', params: { path, problem } },
    `unexpected shape at ${path}: ${problem}`,
  );
}
