/**
 * Tells listeners (tray, window, over IPC) when the scheduler's state changes, and only then: the
 * scheduler re-evaluates often, and an unchanged state need not cross a process boundary. A
 * listener that throws is reported and does not keep the others from hearing.
 */
import { createSignal } from '../signal.ts';

export interface StateEmitter<T> {
  /** Takes a snapshot and tells every listener if any field differs from the last one told. */
  emit(): void;
  subscribe(listener: (state: T) => void): () => void;
}

export function createStateEmitter<T extends object>(
  snapshot: () => T,
  onError: (error: unknown) => void,
): StateEmitter<T> {
  const signal = createSignal<T>(onError);
  let last: T | null = null;

  return {
    emit() {
      const state = snapshot();
      if (last !== null && sameFields(last, state)) return;
      last = state;
      signal.emit(state);
    },
    subscribe: (listener) => signal.subscribe(listener),
  };
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
