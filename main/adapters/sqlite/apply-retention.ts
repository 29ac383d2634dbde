import type Database from 'better-sqlite3';
import type { RetentionPolicy } from '../../core/ports/contact-mirror.ts';
import { checkFiniteNumber, checkIntegerInRange } from './mirror-input.ts';

const DAY_MS = 86_400_000;

/**
 * Trims the change log to the policy in one transaction: first everything detected before
 * `now − maxAgeDays`, then the oldest entries (in the order they were logged) past `maxRows`. Both
 * counters (per kind, and per detected time and kind) drop by exactly what went, and runs no
 * entry refers to any more go too.
 */
export class RetentionWriter {
  readonly #db: Database.Database;
  readonly #olderPerKind: Database.Statement<[number], [number, number]>;
  readonly #deleteOlderCounts: Database.Statement<[number]>;
  readonly #deleteOlder: Database.Statement<[number]>;
  readonly #logRows: Database.Statement<[], number>;
  readonly #nthOldestSeq: Database.Statement<[number], number>;
  readonly #upToPerSync: Database.Statement<[number], [number, number, number]>;
  readonly #subtractCount: Database.Statement<[number, number, number]>;
  readonly #deleteEmptyCounts: Database.Statement<[]>;
  readonly #deleteUpTo: Database.Statement<[number]>;
  readonly #subtractTotal: Database.Statement<[number, number]>;
  readonly #dropUnusedRuns: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#olderPerKind = db
      .prepare<[number], [number, number]>(
        `SELECT kind, sum(row_count) FROM change_counts WHERE detected_at_ms < ? GROUP BY kind`,
      )
      .raw(true);
    this.#deleteOlderCounts = db.prepare('DELETE FROM change_counts WHERE detected_at_ms < ?');
    this.#deleteOlder = db.prepare('DELETE FROM change_log WHERE detected_at_ms < ?');
    this.#logRows = db
      .prepare<[], number>('SELECT coalesce(sum(row_count), 0) FROM change_totals')
      .pluck();
    this.#nthOldestSeq = db
      .prepare<[number], number>('SELECT seq FROM change_log ORDER BY seq LIMIT 1 OFFSET ?')
      .pluck();
    this.#upToPerSync = db
      .prepare<[number], [number, number, number]>(
        `SELECT detected_at_ms, kind, count(*) FROM change_log WHERE seq <= ?
         GROUP BY detected_at_ms, kind`,
      )
      .raw(true);
    this.#subtractCount = db.prepare(
      `UPDATE change_counts SET row_count = row_count - ? WHERE detected_at_ms = ? AND kind = ?`,
    );
    this.#deleteEmptyCounts = db.prepare('DELETE FROM change_counts WHERE row_count <= 0');
    this.#deleteUpTo = db.prepare('DELETE FROM change_log WHERE seq <= ?');
    this.#subtractTotal = db.prepare(
      'UPDATE change_totals SET row_count = row_count - ? WHERE kind = ?',
    );
    // Runs are numbered in commit order, like seq: every run before the oldest kept entry's is unused.
    this.#dropUnusedRuns = db.prepare(
      `DELETE FROM runs WHERE run_no <
         coalesce((SELECT run_no FROM change_log ORDER BY seq LIMIT 1), 9223372036854775807)`,
    );
  }

  /** Returns how many change-log entries went. */
  apply(policy: RetentionPolicy, nowMs: number): number {
    if (policy === null || typeof policy !== 'object') {
      throw new RangeError('policy must be an object');
    }
    const maxAgeDays = checkFiniteNumber(policy.maxAgeDays, 'policy.maxAgeDays', 0);
    const maxRows = checkIntegerInRange(
      policy.maxRows,
      'policy.maxRows',
      0,
      Number.MAX_SAFE_INTEGER,
    );
    const cutoff = checkFiniteNumber(nowMs, 'nowMs') - maxAgeDays * DAY_MS;
    return this.#db.transaction(() => {
      const removed = this.#removeOlderThan(cutoff) + this.#keepNewest(maxRows);
      if (removed > 0) this.#dropUnusedRuns.run();
      return removed;
    })();
  }

  /** Every entry of a sync shares its detected time, so whole counter rows go with them. */
  #removeOlderThan(cutoffMs: number): number {
    let removed = 0;
    for (const [code, rows] of this.#olderPerKind.all(cutoffMs)) {
      this.#subtractTotal.run(rows, code);
      removed += rows;
    }
    if (removed > 0) {
      this.#deleteOlderCounts.run(cutoffMs);
      this.#deleteOlder.run(cutoffMs);
    }
    return removed;
  }

  /** The cut may fall inside a sync: its counters shrink by the entries counted before it. */
  #keepNewest(maxRows: number): number {
    const excess = (this.#logRows.get() ?? 0) - maxRows;
    if (excess <= 0) return 0;
    const lastToGo = this.#nthOldestSeq.get(excess - 1);
    if (lastToGo === undefined) return 0;
    let removed = 0;
    for (const [detectedAtMs, code, rows] of this.#upToPerSync.all(lastToGo)) {
      this.#subtractTotal.run(rows, code);
      this.#subtractCount.run(rows, detectedAtMs, code);
      removed += rows;
    }
    this.#deleteEmptyCounts.run();
    this.#deleteUpTo.run(lastToGo);
    return removed;
  }
}
