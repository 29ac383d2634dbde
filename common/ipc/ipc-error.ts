/**
 * The one error type a call of the page's API (`lib/api.ts`) throws. It is made on the page's
 * side from the plain-data envelope the call answered with (`envelope.ts`): an error object
 * thrown in the preload would reach the page with its message only, its fields and type lost.
 */
import type { InvokeChannel } from './contract.ts';
import type { IpcFailure } from './envelope.ts';

/** What main reported, or `unavailable`: the call never got an answer from main. */
export type IpcErrorCode = IpcFailure['error'];

export interface IpcErrorDetail {
  /** For `bad-arguments`: the failing field (`$.limit`) and what it should have been. */
  readonly path?: string;
  readonly expected?: string;
}

export class IpcError extends Error {
  readonly code: IpcErrorCode;
  readonly channel: InvokeChannel;
  readonly path: string | null;
  readonly expected: string | null;

  constructor(code: IpcErrorCode, channel: InvokeChannel, detail: IpcErrorDetail = {}) {
    const path = detail.path ?? null;
    const expected = detail.expected ?? null;
    const where =
      path === null ? '' : ` at ${path}${expected === null ? '' : ` (expected ${expected})`}`;
    super(`IPC call ${channel} failed: ${code}${where}`);
    this.name = 'IpcError';
    this.code = code;
    this.channel = channel;
    this.path = path;
    this.expected = expected;
  }
}

/** The failure a call answered with, as the error a caller catches. */
export function ipcErrorFrom(channel: InvokeChannel, failure: IpcFailure): IpcError {
  return failure.error === 'bad-arguments'
    ? new IpcError(failure.error, channel, { path: failure.path, expected: failure.expected })
    : new IpcError(failure.error, channel);
}

export function isIpcError(error: unknown): error is IpcError {
  return error instanceof IpcError;
}
