/**
 * The page's side of every call: the preload answers with the envelope as plain data (the
 * contextBridge would strip a thrown error to its message), and this turns it into the value or
 * the typed `IpcError`. `renderer/src/lib/api.ts` applies it to `window.amoot` once, so a failed
 * call becomes an exception in this one place.
 */
import {
  methodPath,
  type AmootApi,
  type AmootBridge,
  type PreloadApi,
  type PreloadBridge,
} from './bridge.ts';
import { INVOKE_CHANNELS, type InvokeChannel } from './contract.ts';
import type { IpcOutcome } from './envelope.ts';
import { ipcErrorFrom } from './ipc-error.ts';

type AnyCall = (...args: unknown[]) => Promise<unknown>;

/**
 * A copy of `bridge` whose calls answer with the value or reject with `IpcError`; `on` and the app
 * info are kept as they are. Throws at once when a call is missing: a page built against another
 * contract than its preload should fail at start, not on a click.
 */
export function pageApi(bridge: PreloadBridge): AmootBridge;
export function pageApi(bridge: PreloadApi): AmootApi;
export function pageApi(bridge: PreloadApi): AmootApi {
  const source = bridge as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const groups: Record<string, Record<string, AnyCall>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [group, member] = methodPath(channel);
    const call = source[group]?.[member];
    if (typeof call !== 'function') {
      throw new Error(`window.amoot has no ${channel}: the preload and the page do not match`);
    }
    (groups[group] ??= {})[member] = async (...args) =>
      valueOf(channel, (await (call as AnyCall)(...args)) as IpcOutcome<unknown>);
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return Object.freeze({ ...bridge, ...groups }) as unknown as AmootApi;
}

/** The value a call answered with, or the `IpcError` saying why there is none. */
export function valueOf<T>(channel: InvokeChannel, outcome: IpcOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw ipcErrorFrom(channel, outcome);
}
