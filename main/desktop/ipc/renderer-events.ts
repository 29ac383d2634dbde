/**
 * Events main pushes to the window (DESIGN.md, "IPC": the window never polls): the whole state on
 * every change, the progress of a running sync, and "the change log moved" after a sync committed.
 * A closed window misses them and reads the state afresh when it opens again.
 */
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { SyncProgress, SyncRunRecord } from '../../../common/sync-types.ts';
import { sendEvent, type EventTargetLike } from './send-event.ts';
import type { Signal } from '../../core/signal.ts';

/**
 * Download progress arrives for every chunk, hundreds of times a second on a fast link; the page
 * redraws a byte count, for which a few updates a second are plenty. A new phase, attempt or run
 * always goes out at once.
 */
export const PROGRESS_INTERVAL_MS = 100;

export interface RendererEventDeps {
  /** The window's webContents, or null while no window is open. */
  readonly target: () => EventTargetLike | null;
  readonly state: { subscribe(listener: (state: AppState) => void): () => void };
  readonly progress: Pick<Signal<SyncProgress>, 'subscribe'>;
  readonly runFinished: Pick<Signal<SyncRunRecord>, 'subscribe'>;
  readonly now?: () => number;
  readonly log: (line: string) => void;
}

/** Starts forwarding; returns the function that stops it. */
export function forwardRendererEvents(deps: RendererEventDeps): () => void {
  const now = deps.now ?? (() => performance.now());
  let last: { key: string; atMs: number } | null = null;
  const stops = [
    deps.state.subscribe((state) => sendEvent(deps.target(), 'state.changed', state, deps.log)),
    deps.progress.subscribe((progress) => {
      const key = `${progress.runId}\u0000${progress.phase}\u0000${progress.attempt}`;
      const at = now();
      if (last !== null && last.key === key && at - last.atMs < PROGRESS_INTERVAL_MS) return;
      last = { key, atMs: at };
      sendEvent(deps.target(), 'sync.progress', progress, deps.log);
    }),
    deps.runFinished.subscribe((run) => {
      if (!run.committed) return;
      sendEvent(deps.target(), 'updates.changed', { runId: run.id }, deps.log);
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
