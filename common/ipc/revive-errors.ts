/**
 * The page's side of `IpcError`: wraps each call of the bridged `window.amoot` so a rejection that
 * crossed the contextBridge as a bare `Error` is thrown as the typed `IpcError` again.
 */
import { methodPath, type AmootBridge } from './bridge.ts';
import { INVOKE_CHANNELS } from './contract.ts';
import { reviveIpcError } from './ipc-error.ts';

type AnyCall = (...args: unknown[]) => Promise<unknown>;

/**
 * A copy of `bridge` whose calls reject with `IpcError`. Throws at once when a call is missing:
 * a page built against another contract than its preload should fail at start, not on a click.
 */
export function withRevivedErrors(bridge: AmootBridge): AmootBridge {
  const source = bridge as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const groups: Record<string, Record<string, AnyCall>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [group, member] = methodPath(channel);
    const call = source[group]?.[member];
    if (typeof call !== 'function') {
      throw new Error(`window.amoot has no ${channel}: the preload and the page do not match`);
    }
    (groups[group] ??= {})[member] = (...args) =>
      (call as AnyCall)(...args).catch((error: unknown) => {
        throw reviveIpcError(error);
      });
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return Object.freeze({
    ...groups,
    on: bridge.on,
    version: bridge.version,
    platform: bridge.platform,
  }) as unknown as AmootBridge;
}
