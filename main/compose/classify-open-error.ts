/**
 * Opening a data folder's stores fails in ways the user can act on — the folder is a file, a
 * store file is a folder, no permission, a read-only or full disk, a damaged or too new file —
 * and each becomes one `StoreOpenError` naming the path, with advice in both languages, instead of
 * a raw Node or SQLite error (a stack on the cli, a bare "could not start" in the app).
 */
import {
  MirrorFileDamagedError,
  MirrorTooNewError,
  isDamage,
} from '../adapters/sqlite/store-errors.ts';
import {
  StoreError,
  StoreOpenError,
  classifyStoreFailure,
  errorCode,
} from '../core/ports/store-error.ts';

/** `error` as a `StoreOpenError`; `file` is the store being opened when the error names none. */
export function classifyOpenError(error: unknown, file: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  if (error instanceof StoreError) return reopen(error);
  if (error instanceof MirrorTooNewError) {
    return new StoreOpenError(
      'storage',
      { key: 'store.too-new', params: { path: file } },
      { path: file, cause: error },
    );
  }
  if (error instanceof MirrorFileDamagedError || isDamage(error)) {
    return new StoreOpenError(
      'storage',
      { key: 'store.damaged', params: { path: file } },
      { path: file, code: errorCode(error), cause: error },
    );
  }
  const classified = classifyStoreFailure(error, file);
  if (classified !== null) return reopen(classified);
  const code = errorCode(error) ?? (error instanceof Error ? error.name : 'unknown');
  return new StoreOpenError(
    'storage',
    { key: 'store.open-failed', params: { path: file, code } },
    { path: file, code, cause: error },
  );
}

function reopen(error: StoreError): StoreOpenError {
  return new StoreOpenError(error.kind, error.localized, {
    path: error.path,
    code: error.code,
    cause: error.cause ?? error,
  });
}
