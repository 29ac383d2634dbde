/**
 * Builds `window.amoot` from the IPC contract over any transport: Electron's `ipcRenderer` in the
 * preload, an in-memory or test-driver channel elsewhere. Pages get one method per channel and
 * typed events, never the transport, so they cannot name a channel the contract does not list.
 */
import { methodPath, type AmootApi } from '../../common/ipc/bridge.ts';
import {
  INVOKE_CHANNELS,
  isEventChannel,
  type EventChannel,
  type InvokeChannel,
} from '../../common/ipc/contract.ts';
import type { IpcFailure } from '../../common/ipc/envelope.ts';
import { IpcError, ipcErrorFrom } from '../../common/ipc/ipc-error.ts';

/** How calls and events travel; the factory adds the contract's shape on top. */
export interface IpcTransport {
  invoke(channel: InvokeChannel, args: unknown): Promise<unknown>;
  /** Listens to one event channel; the listener gets the payload only. Returns the unsubscribe. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export interface AmootApiOptions {
  /** Where an exception thrown by a page's event listener goes; default `console.error`. */
  readonly onListenerError?: (error: unknown) => void;
}

type AnyCall = (args?: unknown) => Promise<unknown>;

export function createAmootApi(transport: IpcTransport, options: AmootApiOptions = {}): AmootApi {
  const onListenerError = options.onListenerError ?? ((error) => console.error(error));
  const groups: Record<string, Record<string, AnyCall>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [group, member] = methodPath(channel);
    // Only the first argument travels: the contract gives every call at most one.
    (groups[group] ??= {})[member] = (args?: unknown) => call(transport, channel, args);
  }
  for (const group of Object.values(groups)) Object.freeze(group);

  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventChannel(event)) {
      throw new TypeError(
        `amoot.on: there is no event ${JSON.stringify(String(event).slice(0, 40))}`,
      );
    }
    if (typeof listener !== 'function')
      throw new TypeError('amoot.on: the listener must be a function');
    let active = true;
    const unsubscribe = transport.subscribe(event, (payload) => {
      if (!active) return;
      try {
        (listener as (payload: unknown) => void)(payload);
      } catch (error) {
        // One page listener failing must not stop the others from hearing the event.
        onListenerError(error);
      }
    });
    return () => {
      if (!active) return;
      active = false;
      unsubscribe();
    };
  };

  return Object.freeze({ ...groups, on }) as unknown as AmootApi;
}

/** One call: the value main answered with, or an `IpcError` saying why there is none. */
async function call(
  transport: IpcTransport,
  channel: InvokeChannel,
  args: unknown,
): Promise<unknown> {
  let response: unknown;
  try {
    response = await transport.invoke(channel, args);
  } catch {
    // No handler yet, the window closing, or arguments that cannot be cloned: main never saw it.
    throw new IpcError('unavailable', channel);
  }
  if (typeof response === 'object' && response !== null) {
    const answer = response as { ok?: unknown; value?: unknown };
    if (answer.ok === true) return answer.value;
    const failure = asFailure(response);
    if (failure !== null) throw ipcErrorFrom(channel, failure);
  }
  // Main only ever answers with an envelope; anything else means it is not our handler answering.
  throw new IpcError('internal', channel);
}

function asFailure(response: object): IpcFailure | null {
  const { ok, error, path, expected } = response as Record<string, unknown>;
  if (ok !== false) return null;
  if (error === 'forbidden' || error === 'internal') return { ok: false, error };
  if (error === 'bad-arguments' && typeof path === 'string' && typeof expected === 'string') {
    return { ok: false, error, path, expected };
  }
  return null;
}
