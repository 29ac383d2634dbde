import type { UpdatesQuery } from '../../core/ports/contact-mirror.ts';

/**
 * Which index a page of the change log is read through:
 * - `order`: the index of the requested order, newest first, skipping rows the filters reject;
 * - `kind`: only the rows of the chosen kinds (already newest first for one kind by detected time);
 * - `contact`: only the rows under the ID prefix, then sorted;
 * - `window`: only the rows detected inside the window, then sorted by server time.
 */
export type AccessPath = 'order' | 'kind' | 'contact' | 'window';

/** Exact row counts, known before the page is read (the totals are computed first). */
export interface AccessCounts {
  readonly order: UpdatesQuery['order'];
  /** offset + limit: how many matching rows the walk must reach. */
  readonly wanted: number;
  /** Rows matching every filter; more than zero. */
  readonly matching: number;
  /** Rows in the whole change log. */
  readonly logRows: number;
  /** When a kind filter is on: rows of those kinds, and how many kinds. */
  readonly kindRows: number | null;
  readonly kindCount: number;
  /** When an ID prefix is on: rows under it. */
  readonly prefixRows: number | null;
  /** When a detected window is on and its size is known: rows inside it. */
  readonly windowRows: number | null;
}

/**
 * Relative cost of one row, in units of one step of a walk (an index entry plus a table lookup
 * to test the filters), measured over a million rows: an index entry the sort reads without the
 * table; a lookup of rows stored near each other (logged together); one of rows spread over the
 * whole table (an ID prefix), which the sort by server time needs.
 */
const COVERED = 0.5;
const NEARBY_LOOKUP = 1.5;
const SCATTERED_LOOKUP = 6;

/**
 * SQLite's planner cannot know that a kind or a prefix matches one row in a thousand or nine in
 * ten; it guesses, and a wrong guess turns a 1 ms page into a 100 ms sort or a walk through the
 * whole log. The totals are computed before the page anyway, so the choice is made here from
 * exact counts: a walk in index order visits about `wanted × logRows / matching` rows before it
 * has its page; reading a filter's rows costs those rows, weighted as above.
 */
export function chooseAccessPath(counts: AccessCounts): AccessPath {
  const byDetected = counts.order === 'detected-time';
  const wanted = Math.min(counts.wanted, counts.matching);
  let walk = (wanted * counts.logRows) / counts.matching;
  // Newest first by detected time inside a window: the walk stops at the window's edge.
  if (byDetected && counts.windowRows !== null) walk = Math.min(walk, counts.windowRows);

  let best: AccessPath = 'order';
  let bestCost = walk;
  const consider = (path: AccessPath, cost: number): void => {
    if (cost < bestCost) {
      best = path;
      bestCost = cost;
    }
  };
  if (counts.kindRows !== null) {
    const { kindRows } = counts;
    if (byDetected && counts.kindCount === 1) {
      // The kind index is already newest first by detected time: a walk of its own, stopping early.
      consider('kind', (wanted * kindRows) / counts.matching);
    } else {
      consider('kind', kindRows * (byDetected ? COVERED : NEARBY_LOOKUP));
    }
  }
  if (counts.prefixRows !== null) {
    consider('contact', counts.prefixRows * (byDetected ? COVERED : SCATTERED_LOOKUP));
  }
  if (!byDetected && counts.windowRows !== null) {
    consider('window', counts.windowRows * NEARBY_LOOKUP);
  }
  return best;
}
