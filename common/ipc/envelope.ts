/**
 * What travels back over IPC for every call. Main never lets a handler's exception cross the wire
 * (Electron would send its message, and with it possibly a path or a token); it answers with one of
 * these shapes instead, which the preload turns into a value or an `IpcError`.
 */

/** The call came from somewhere other than the app's own window. */
export interface ForbiddenFailure {
  readonly ok: false;
  readonly error: 'forbidden';
}

/** The arguments did not have the contract's shape; `path` names the first field that failed. */
export interface BadArgumentsFailure {
  readonly ok: false;
  readonly error: 'bad-arguments';
  /** `$` is the argument itself; `$.kinds[2]` a field inside it. */
  readonly path: string;
  /** What that field should have been, in English, for developers. */
  readonly expected: string;
}

/** The handler failed; the detail is in main's log, never in the answer. */
export interface InternalFailure {
  readonly ok: false;
  readonly error: 'internal';
}

export type IpcFailure = ForbiddenFailure | BadArgumentsFailure | InternalFailure;
export type IpcResponse<T> = { readonly ok: true; readonly value: T } | IpcFailure;

export const FORBIDDEN: ForbiddenFailure = Object.freeze({ ok: false, error: 'forbidden' });
export const INTERNAL: InternalFailure = Object.freeze({ ok: false, error: 'internal' });
