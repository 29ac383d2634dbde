import type Database from 'better-sqlite3';
import type { UpdateRow, UpdatesPage, UpdatesQuery } from '../../core/ports/contact-mirror.ts';
import { zeroTotals, type ChangeKind } from '../../../common/sync-types.ts';
import { KIND_CODES, kindOfCode, type KindCode } from './mirror-input.ts';
import { chooseAccessPath, type AccessCounts, type AccessPath } from './update-access-path.ts';
import { prefixRange, toSqlUpdatesFilter, type SqlUpdatesFilter } from './sql-updates-filter.ts';

/** The index each access path reads through; INDEXED BY holds SQLite to the choice. */
function indexOf(path: AccessPath, order: UpdatesQuery['order']): string {
  switch (path) {
    case 'order':
      return order === 'detected-time' ? 'change_log_by_detected' : 'change_log_by_server';
    case 'kind':
      return 'change_log_by_kind';
    case 'contact':
      return 'change_log_by_kind_contact';
    case 'window':
      return 'change_log_by_detected';
  }
}

const ORDER_COLUMN: Record<UpdatesQuery['order'], string> = {
  'detected-time': 'detected_at_ms',
  'server-time': 'updated_at_ms',
};

type RawUpdate = [number, string, number, number, number, string];

/**
 * Answers `queryUpdates`. Totals come first: from the per-kind counters without filters, from the
 * per-sync counters for a detected window, and, under an ID prefix, by counting index ranges (one
 * per kind, walked without reading the table). Those exact counts then pick the index the page is
 * read through (update-access-path.ts).
 */
export class UpdatesReader {
  readonly #db: Database.Database;
  readonly #choose: (counts: AccessCounts) => AccessPath;
  readonly #pages = new Map<string, Database.Statement<unknown[], RawUpdate>>();
  readonly #counters: Database.Statement<[], [number, number]>;
  readonly #inWindow: Database.Statement<[number], [number, number]>;
  readonly #underPrefix: Database.Statement<[number, string, string], number>;
  readonly #underPrefixInWindow: Database.Statement<[number, string, string, number], number>;

  /** `choose` is for tests, which hold every path to the same expected answer. */
  constructor(
    db: Database.Database,
    choose: (counts: AccessCounts) => AccessPath = chooseAccessPath,
  ) {
    this.#db = db;
    this.#choose = choose;
    this.#counters = db
      .prepare<[], [number, number]>('SELECT kind, row_count FROM change_totals')
      .raw(true);
    this.#inWindow = db
      .prepare<[number], [number, number]>(
        `SELECT kind, sum(row_count) FROM change_counts WHERE detected_at_ms >= ? GROUP BY kind`,
      )
      .raw(true);
    const underPrefix = `SELECT count(*) FROM change_log INDEXED BY change_log_by_kind_contact
      WHERE kind = ? AND contact_id >= ? AND contact_id < ?`;
    this.#underPrefix = db.prepare<[number, string, string], number>(underPrefix).pluck();
    this.#underPrefixInWindow = db
      .prepare<[number, string, string, number], number>(`${underPrefix} AND detected_at_ms >= ?`)
      .pluck();
  }

  query(query: UpdatesQuery): UpdatesPage {
    const filter = toSqlUpdatesFilter(query);
    // One read transaction: the totals and the page describe the same state of the log.
    return this.#db.transaction(() => this.#answer(filter))();
  }

  #answer(filter: SqlUpdatesFilter): UpdatesPage {
    const logTotals = zeroTotals();
    for (const [code, rows] of this.#counters.all()) logTotals[kindOfCode(code)] = rows;

    let totalsByKind = logTotals;
    let prefixRows: number | null = null;
    let windowRows: number | null = null;
    const since = filter.detectedSinceMs;
    if (filter.idPrefix !== null) {
      const [low, high] = prefixRange(filter.idPrefix);
      const underPrefix = countPerKind((code) => this.#underPrefix.get(code, low, high));
      prefixRows = sumOf(underPrefix, KIND_CODES);
      totalsByKind =
        since === null
          ? underPrefix
          : countPerKind((code) => this.#underPrefixInWindow.get(code, low, high, since));
    } else if (since !== null) {
      totalsByKind = zeroTotals();
      for (const [code, rows] of this.#inWindow.all(since)) totalsByKind[kindOfCode(code)] = rows;
      windowRows = sumOf(totalsByKind, KIND_CODES);
    }

    const total = sumOf(totalsByKind, filter.kinds.length === 0 ? KIND_CODES : filter.kinds);
    if (total === 0 || filter.offset >= total) return { rows: [], total, totalsByKind };

    const path = this.#choose({
      order: filter.order,
      wanted: filter.offset + filter.limit,
      matching: total,
      logRows: sumOf(logTotals, KIND_CODES),
      kindRows: filter.kinds.length === 0 ? null : sumOf(logTotals, filter.kinds),
      kindCount: filter.kinds.length,
      prefixRows,
      windowRows,
    });
    return { rows: this.#page(filter, path), total, totalsByKind };
  }

  /** Every row the filters match, newest first, one at a time: an export of any size in flat memory. */
  forEach(filter: SqlUpdatesFilter, visit: (row: UpdateRow) => void): number {
    const { where, params } = whereOf(filter, filter.kinds);
    const sql = `SELECT seq, contact_id, kind, updated_at_ms, detected_at_ms,
        (SELECT run_id FROM runs WHERE runs.run_no = change_log.run_no)
      FROM change_log ${where} ORDER BY ${ORDER_COLUMN[filter.order]} DESC, seq DESC`;
    let rows = 0;
    for (const raw of this.#db.prepare<unknown[], RawUpdate>(sql).raw(true).iterate(params)) {
      visit(rowOf(raw));
      rows++;
    }
    return rows;
  }

  #page(filter: SqlUpdatesFilter, path: AccessPath): UpdateRow[] {
    // The prefix index starts with the kind: naming every kind lets it be read range by range.
    const kinds = filter.kinds.length === 0 && path === 'contact' ? KIND_CODES : filter.kinds;
    const { where, params } = whereOf(filter, kinds);
    params.push(filter.limit, filter.offset);
    const sql = `SELECT seq, contact_id, kind, updated_at_ms, detected_at_ms,
        (SELECT run_id FROM runs WHERE runs.run_no = change_log.run_no)
      FROM change_log INDEXED BY ${indexOf(path, filter.order)}
      ${where}
      ORDER BY ${ORDER_COLUMN[filter.order]} DESC, seq DESC
      LIMIT ? OFFSET ?`;
    let statement = this.#pages.get(sql);
    if (statement === undefined) {
      // At most a few hundred shapes: path × order × number of kinds × window × prefix.
      statement = this.#db.prepare<unknown[], RawUpdate>(sql).raw(true);
      this.#pages.set(sql, statement);
    }
    return statement.all(params).map(rowOf);
  }
}

function whereOf(
  filter: SqlUpdatesFilter,
  kinds: readonly KindCode[],
): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (kinds.length > 0) {
    where.push(`kind IN (${kinds.map(() => '?').join(',')})`);
    params.push(...kinds);
  }
  if (filter.detectedSinceMs !== null) {
    where.push('detected_at_ms >= ?');
    params.push(filter.detectedSinceMs);
  }
  if (filter.idPrefix !== null) {
    where.push('contact_id >= ? AND contact_id < ?');
    params.push(...prefixRange(filter.idPrefix));
  }
  return { where: where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`, params };
}

function rowOf([seq, id, code, updatedAtMs, detectedAtMs, runId]: RawUpdate): UpdateRow {
  return { seq, id, kind: kindOfCode(code), updatedAtMs, detectedAtMs, runId };
}

function countPerKind(count: (code: KindCode) => number | undefined): Record<ChangeKind, number> {
  const totals = zeroTotals();
  for (const code of KIND_CODES) totals[kindOfCode(code)] = count(code) ?? 0;
  return totals;
}

function sumOf(totals: Readonly<Record<ChangeKind, number>>, codes: readonly KindCode[]): number {
  let rows = 0;
  for (const code of codes) rows += totals[kindOfCode(code)];
  return rows;
}
