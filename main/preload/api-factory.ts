/**
 * Builds `window.amoot` from the IPC contract over any transport: Electron's `ipcRenderer` in the
 * preload, an in-memory or test-driver channel elsewhere. Pages get one method per channel and
 * typed events, never the transport, so they cannot name a channel the contract does not list.
 * Each call answers with the envelope (`envelope.ts`); the page's `lib/api.ts` unwraps it.
 */
import { methodPath, type PreloadApi } from '../../common/ipc/bridge.ts';
import {
  INVOKE_CHANNELS,
  isEventChannel,
  type EventChannel,
  type InvokeChannel,
} from '../../common/ipc/contract.ts';
import { FORBIDDEN, INTERNAL, UNAVAILABLE, type IpcOutcome } from '../../common/ipc/envelope.ts';

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

export function createAmootApi(transport: IpcTransport, options: AmootApiOptions = {}): PreloadApi {
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

  return Object.freeze({ ...groups, on }) as unknown as PreloadApi;
}

/**
 * One call: main's envelope, or `unavailable` when main never answered. Never a rejection: the
 * contextBridge would hand the page only the message of an error, while plain data crosses whole.
 * The answer is rebuilt from the fields the contract names, so nothing else main's side may have
 * put on it reaches the page.
 */
async function call(
  transport: IpcTransport,
  channel: InvokeChannel,
  args: unknown,
): Promise<IpcOutcome<unknown>> {
  let response: unknown;
  try {
    response = await transport.invoke(channel, args);
  } catch {
    // No handler yet, the window closing, or arguments that cannot be cloned: main never saw it.
    return UNAVAILABLE;
  }
  return outcomeOf(response);
}

/** Main only ever answers with an envelope; anything else means it is not our handler answering. */
function outcomeOf(response: unknown): IpcOutcome<unknown> {
  if (typeof response !== 'object' || response === null) return INTERNAL;
  const { ok, value, error, path, expected } = response as Record<string, unknown>;
  if (ok === true) return { ok: true, value };
  if (ok !== false) return INTERNAL;
  if (error === 'forbidden') return FORBIDDEN;
  if (error === 'internal') return INTERNAL;
  if (error === 'bad-arguments' && typeof path === 'string' && typeof expected === 'string') {
    return { ok: false, error, path, expected };
  }
  return INTERNAL;
}
