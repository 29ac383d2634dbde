import type Database from 'better-sqlite3';

/** Writes one row's values into `params` from `offset` on. */
export type FillRow = (row: number, params: unknown[], offset: number) => void;

/**
 * A multi-row `INSERT … VALUES (…),(…),…` run once per batch of rows. Each statement call crosses
 * from JavaScript into SQLite once for a few hundred rows instead of once per row, which is most
 * of the cost of writing a million. The full-size statement is prepared once and its parameter
 * array reused; the last, shorter batch gets a statement of its own size.
 */
export class BatchInsert {
  readonly #db: Database.Database;
  readonly #head: string;
  readonly #tuple: string;
  readonly #tail: string;
  readonly #width: number;
  readonly #rowsPerStatement: number;
  #full: Database.Statement<unknown[]> | undefined;

  /**
   * `head` is `INSERT INTO t (a, b)`, `tail` anything after the VALUES list (an upsert clause);
   * `width` is the number of `?` per row.
   */
  constructor(
    db: Database.Database,
    sql: { head: string; width: number; tail?: string },
    rowsPerStatement: number,
  ) {
    this.#db = db;
    this.#head = sql.head;
    this.#width = sql.width;
    this.#tuple = `(${new Array<string>(sql.width).fill('?').join(',')})`;
    this.#tail = sql.tail ?? '';
    this.#rowsPerStatement = rowsPerStatement;
  }

  /** Inserts rows `0..count-1`, asking `fill` for each row's values in that order. */
  write(count: number, fill: FillRow): void {
    const size = this.#rowsPerStatement;
    const width = this.#width;
    let row = 0;
    if (count >= size) {
      this.#full ??= this.#prepare(size);
      const params = new Array<unknown>(size * width);
      for (; row + size <= count; row += size) {
        for (let i = 0; i < size; i += 1) fill(row + i, params, i * width);
        this.#full.run(params);
      }
    }
    const rest = count - row;
    if (rest === 0) return;
    const params = new Array<unknown>(rest * width);
    for (let i = 0; i < rest; i += 1) fill(row + i, params, i * width);
    this.#prepare(rest).run(params);
  }

  #prepare(rows: number): Database.Statement<unknown[]> {
    const values = new Array<string>(rows).fill(this.#tuple).join(',');
    return this.#db.prepare(`${this.#head} VALUES ${values}${this.#tail}`);
  }
}
