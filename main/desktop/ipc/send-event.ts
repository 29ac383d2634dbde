/**
 * Events from main to the window, typed by the contract so a payload cannot go out in a shape the
 * page does not expect. Events are fire-and-forget: a closed window simply misses them and reads
 * the whole state again (`state.get`) when it opens.
 */
import type { EventChannel, PayloadOf } from '../../../common/ipc/contract.ts';
import { describeError } from '../../core/describe-error.ts';

/** The part of Electron's `WebContents` used here. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Sends one event; returns whether it went out. A window that is gone is skipped, and a failure to
 * send (a payload that cannot be cloned) is logged rather than thrown into whatever state change
 * caused the event.
 */
export function sendEvent<E extends EventChannel>(
  contents: EventTargetLike | null,
  channel: E,
  payload: PayloadOf<E>,
  log: (line: string) => void = (line) => console.error(line),
): boolean {
  if (contents === null || contents.isDestroyed()) return false;
  try {
    contents.send(channel, payload);
    return true;
  } catch (error) {
    log(`ipc: could not send ${channel}: ${describeError(error, 'message')}`);
    return false;
  }
}
