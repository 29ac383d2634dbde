/**
 * The time windows of the Updates screen. A window is turned into an instant only when a query is
 * made (from the app clock), so the list does not shift under the reader every time the clock
 * ticks; it moves on when the user changes something or main reports new changes.
 */
import type { SyncRunRecord } from '../../../common/sync-types.ts';

export const UPDATES_WINDOWS = ['all', 'since-last-sync', 'day', 'week'] as const;
export type UpdatesWindow = (typeof UPDATES_WINDOWS)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The earliest detection time a window shows, or undefined for no limit. "Since the last sync"
 * without any committed run has nothing to start from, so it shows everything, like "all".
 */
export function windowStartMs(
  window: UpdatesWindow,
  nowMs: number,
  lastCommitStartMs: number | null,
): number | undefined {
  switch (window) {
    case 'all':
      return undefined;
    case 'since-last-sync':
      return lastCommitStartMs ?? undefined;
    case 'day':
      return Math.max(0, nowMs - DAY_MS);
    case 'week':
      return Math.max(0, nowMs - 7 * DAY_MS);
  }
}

/**
 * When the newest run that wrote to the mirror started; its changes were all detected at or after
 * that instant. Runs that committed nothing (failures, identical answers) are skipped, whatever
 * order the runs come in.
 */
export function newestCommitStartMs(runs: readonly SyncRunRecord[]): number | null {
  let newest: number | null = null;
  for (const run of runs) {
    if (run.committed && (newest === null || run.startedAtMs > newest)) newest = run.startedAtMs;
  }
  return newest;
}
