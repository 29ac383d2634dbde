/**
 * What travels back over IPC for every call, and on through the contextBridge to the page. Main
 * never lets a handler's exception cross the wire (Electron would send its message, and with it
 * possibly a path or a token), and the contextBridge would keep only the message of an error
 * anyway; so every answer is one of these plain-data shapes, and only the page's API
 * (`page-api.ts`, put over `window.amoot` by `lib/api.ts`) turns a failure into an `IpcError`.
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

/**
 * The preload's own answer when the call never got one from main: no handler yet, the window
 * closing, or arguments that cannot be cloned. Main never sends it.
 */
export interface UnavailableFailure {
  readonly ok: false;
  readonly error: 'unavailable';
}

/** What main answers with when the call fails. */
export type MainFailure = ForbiddenFailure | BadArgumentsFailure | InternalFailure;
export type IpcFailure = MainFailure | UnavailableFailure;
export type IpcSuccess<T> = { readonly ok: true; readonly value: T };
/** Main's answer to a call. */
export type IpcResponse<T> = IpcSuccess<T> | MainFailure;
/** What the page gets from the preload for a call: main's answer, or that there was none. */
export type IpcOutcome<T> = IpcSuccess<T> | IpcFailure;

export const FORBIDDEN: ForbiddenFailure = Object.freeze({ ok: false, error: 'forbidden' });
export const INTERNAL: InternalFailure = Object.freeze({ ok: false, error: 'internal' });
export const UNAVAILABLE: UnavailableFailure = Object.freeze({ ok: false, error: 'unavailable' });
