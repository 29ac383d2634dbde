import type { LocalizedMessage, MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';

/**
 * Why a data folder's stores could not be opened, read or written, as the user is told it:
 * `busy` another process is writing the folder, `storage` the disk or the file system refused
 * (full, read-only, no permission, a file where a folder should be…), `settings` a saved setting
 * cannot be used.
 */
export type StoreErrorKind = 'busy' | 'storage' | 'settings';

/**
 * A classified failure of the stores. It carries its message as a catalogue key and values
 * (`messageKey`, `params`, and both together as `localized`, the shape `localizedOf` reads), so
 * the cli prints one JSON object and the app shows the same words; `detail` is English for logs.
 * No token ever reaches it: paths and error codes only.
 */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  readonly kind: StoreErrorKind;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  readonly localized: LocalizedMessage;
  /** The file or folder concerned, when there is one. */
  readonly path: string | null;
  /** The system's or SQLite's code (`ENOSPC`, `SQLITE_FULL`…), when one caused it. */
  readonly code: string | null;

  constructor(
    kind: StoreErrorKind,
    message: LocalizedMessage,
    detail: { path?: string | null; code?: string | null; cause?: unknown } = {},
  ) {
    super(
      `${message.key}${detail.path ? ` (${detail.path})` : ''}${detail.code ? ` [${detail.code}]` : ''}`,
      detail.cause === undefined ? undefined : { cause: detail.cause },
    );
    this.kind = kind;
    this.messageKey = message.key;
    this.params = message.params ?? {};
    this.localized = message;
    this.path = detail.path ?? null;
    this.code = detail.code ?? null;
  }
}

/** Thrown while opening a folder's stores (see `main/compose/open-stores.ts`). */
export class StoreOpenError extends StoreError {
  override readonly name = 'StoreOpenError';
}

/** Another process holds the folder's writer lock. */
export function busyError(): StoreError {
  return new StoreError('busy', { key: 'store.busy' });
}

/** The code of a system (`ENOSPC`) or SQLite (`SQLITE_FULL`) error, if it has one. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** The path a system error names, if any. */
function errorPath(error: unknown): string | null {
  const found = (error as { path?: unknown } | null)?.path;
  return typeof found === 'string' ? found : null;
}

/** Which message a system or SQLite code gets; null for a code that is not about the storage. */
function storageKey(code: string): MessageKey | null {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'store.disk-full';
  if (code === 'ENOTDIR') return 'store.not-a-folder';
  if (code === 'EISDIR') return 'store.file-is-folder';
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN')
  ) {
    return 'store.no-access';
  }
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return 'store.write-failed';
  return null;
}

/**
 * A raw failure of the file system or SQLite as a `StoreError` naming `fallbackPath` (or the path
 * the error itself names); null when the error is not one of the storage's refusals.
 */
export function classifyStoreFailure(error: unknown, fallbackPath: string): StoreError | null {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  const key = code === null ? null : storageKey(code);
  if (key === null) return null;
  const path = errorPath(error) ?? fallbackPath;
  return new StoreError('storage', { key, params: { path } }, { path, code, cause: error });
}
