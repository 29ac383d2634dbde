/**
 * The one error type a `window.amoot` call throws. Electron's contextBridge copies only an error's
 * message into the page (custom fields and the prototype are lost on the way), so everything the
 * page needs is also written into the message in a marked, machine-readable tail, and
 * `reviveIpcError` rebuilds the typed error on the page's side.
 */
import { INVOKE_CHANNELS, type InvokeChannel } from './contract.ts';
import type { IpcFailure } from './envelope.ts';

/** The failures main reports, plus `unavailable`: the call never got an answer from main. */
export type IpcErrorCode = IpcFailure['error'] | 'unavailable';

const CODES: Readonly<Record<IpcErrorCode, true>> = {
  forbidden: true,
  'bad-arguments': true,
  internal: true,
  unavailable: true,
};

const MARKER = 'amoot-ipc:';
const TAIL = /amoot-ipc:(\{.*\})\s*$/s;

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
    const tail = JSON.stringify({ code, channel, path, expected });
    super(`IPC call ${channel} failed: ${code}${where} ${MARKER}${tail}`);
    this.name = 'IpcError';
    this.code = code;
    this.channel = channel;
    this.path = path;
    this.expected = expected;
  }
}

/** The failure `main` answered with, as the error a caller catches. */
export function ipcErrorFrom(channel: InvokeChannel, failure: IpcFailure): IpcError {
  return failure.error === 'bad-arguments'
    ? new IpcError(failure.error, channel, { path: failure.path, expected: failure.expected })
    : new IpcError(failure.error, channel);
}

/**
 * An error that crossed the contextBridge as a plain `Error` becomes an `IpcError` again when its
 * message carries the marked tail; anything else is returned unchanged.
 */
export function reviveIpcError(error: unknown): unknown {
  if (error instanceof IpcError) return error;
  if (!(error instanceof Error)) return error;
  const match = TAIL.exec(error.message);
  if (match === null) return error;
  let data: unknown;
  try {
    data = JSON.parse(match[1] ?? '');
  } catch {
    return error;
  }
  if (typeof data !== 'object' || data === null) return error;
  const { code, channel, path, expected } = data as Record<string, unknown>;
  if (typeof code !== 'string' || !Object.hasOwn(CODES, code)) return error;
  if (!INVOKE_CHANNELS.includes(channel as InvokeChannel)) return error;
  return new IpcError(code as IpcErrorCode, channel as InvokeChannel, {
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof expected === 'string' ? { expected } : {}),
  });
}

export function isIpcError(error: unknown): error is IpcError {
  return error instanceof IpcError;
}
