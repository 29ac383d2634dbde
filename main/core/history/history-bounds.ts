import type { SyncRunRecord } from '../../../common/sync-types.ts';

export interface HistoryLimits {
  /** At most this many runs are kept. */
  readonly maxRuns: number;
  /** The runs, as compact UTF-8 JSON, take at most this many bytes. */
  readonly maxBytes: number;
}

/**
 * electron-store rewrites its whole file on every change, and the history is written twice per
 * sync, so its size is bounded in bytes as well as in runs: a few runs with long warning lists
 * cannot make every sync slower. The file on disk is indented, so it is somewhat larger than this.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxRuns: 500, maxBytes: 1024 * 1024 };

/** Below this a single ordinary run would not fit, so such a limit is a configuration mistake. */
const MIN_BYTES = 4096;

export function checkHistoryLimits(limits: HistoryLimits): HistoryLimits {
  const { maxRuns, maxBytes } = limits;
  if (!Number.isSafeInteger(maxRuns) || maxRuns < 1) {
    throw new RangeError(`maxRuns must be a whole number of 1 or more, got ${maxRuns}`);
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes < MIN_BYTES) {
    throw new RangeError(
      `maxBytes must be a whole number of ${MIN_BYTES} or more, got ${maxBytes}`,
    );
  }
  return { maxRuns, maxBytes };
}

const encoder = new TextEncoder();

export function serializedBytes(run: SyncRunRecord): number {
  return encoder.encode(JSON.stringify(run)).length;
}

/**
 * Drops the oldest runs (the end of the newest-first list) until both limits hold. Two kinds of
 * entry are never dropped: the newest, so the run the user just made is always visible even if
 * it alone is over the byte limit, and runs still `running`, so a crash during them is still
 * found at the next start.
 */
export function trimToLimits(
  runs: readonly SyncRunRecord[],
  limits: HistoryLimits,
): SyncRunRecord[] {
  const sizes = runs.map(serializedBytes);
  // `[` and `]`, and one comma between each two entries.
  let bytes = 2 + sizes.reduce((sum, size) => sum + size, 0) + Math.max(0, runs.length - 1);
  let kept = runs.length;
  const dropped = new Set<number>();
  for (let index = runs.length - 1; index > 0; index -= 1) {
    if (kept <= limits.maxRuns && bytes <= limits.maxBytes) break;
    if (runs[index]?.outcome === 'running') continue;
    dropped.add(index);
    kept -= 1;
    bytes -= (sizes[index] ?? 0) + 1;
  }
  return dropped.size === 0 ? [...runs] : runs.filter((_, index) => !dropped.has(index));
}
