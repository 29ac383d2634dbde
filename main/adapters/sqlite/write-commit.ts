import type Database from 'better-sqlite3';
import type {
  MirrorCommit,
  MirrorUpsert,
  MirrorIdentity,
} from '../../core/ports/contact-mirror.ts';
import { ascendingOrder } from './ascending-order.ts';
import { packState } from '../../core/sync/diff.ts';
import {
  kindCode,
  BOOLEAN_RULE,
  ID_RULE,
  KIND_RULE,
  TIME_RULE,
  checkArray,
  checkIntegerInRange,
  checkText,
  checkTimeMs,
  fieldError,
  isId,
  isKind,
  isTimeMs,
} from './mirror-input.ts';

/** Rows per multi-row statement; 200–500 measured alike, fewer pays more calls, more gains nothing. */
const CONTACT_ROWS_PER_STATEMENT = 250;
const CHANGE_ROWS_PER_STATEMENT = 200;

/**
 * Applies a `MirrorCommit` in one transaction. Any bad value, wherever it sits, throws a
 * RangeError naming it, and the transaction rolls back whatever was already written.
 */
export class CommitWriter {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #upsertContacts: BatchInsert;
  readonly #appendChanges: BatchInsert;
  readonly #insertRun: Database.Statement<[string]>;
  readonly #addToTotal: Database.Statement<[number, number]>;
  readonly #addToCount: Database.Statement<[number, number, number]>;
  readonly #recordCommit: Database.Statement<[string, string, number, number]>;
  readonly #identity: IdentityWriter;

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#upsertContacts = new BatchInsert(
      db,
      {
        head: 'INSERT INTO contacts (id, state)',
        width: 2,
        tail: ' ON CONFLICT (id) DO UPDATE SET state = excluded.state',
      },
      CONTACT_ROWS_PER_STATEMENT,
    );
    this.#appendChanges = new BatchInsert(
      db,
      {
        head: 'INSERT INTO change_log (run_no, contact_id, kind, updated_at_ms, detected_at_ms)',
        width: 5,
      },
      CHANGE_ROWS_PER_STATEMENT,
    );
    this.#insertRun = db.prepare('INSERT INTO runs (run_id) VALUES (?)');
    this.#addToTotal = db.prepare(
      `INSERT INTO change_totals (kind, row_count) VALUES (?, ?)
       ON CONFLICT (kind) DO UPDATE SET row_count = row_count + excluded.row_count`,
    );
    this.#addToCount = db.prepare(
      `INSERT INTO change_counts (detected_at_ms, kind, row_count) VALUES (?, ?, ?)
       ON CONFLICT (detected_at_ms, kind) DO UPDATE SET row_count = row_count + excluded.row_count`,
    );
    this.#recordCommit = db.prepare(
      `INSERT INTO last_commit (only_row, run_id, answer_fingerprint, committed_at_ms, received)
       VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (only_row) DO UPDATE SET run_id = excluded.run_id,
         answer_fingerprint = excluded.answer_fingerprint,
         committed_at_ms = excluded.committed_at_ms, received = excluded.received`,
    );
    this.#identity = new IdentityWriter(db);
  }

  write(commit: MirrorCommit): void {
    if (commit === null || typeof commit !== 'object') {
      throw new RangeError('commit must be an object');
    }
    const runId = checkText(commit.runId, 'commit.runId');
    if (runId === '') throw new RangeError('commit.runId must not be empty');
    const detectedAtMs = checkTimeMs(commit.detectedAtMs, 'commit.detectedAtMs');
    const upserts = checkArray(commit.upserts, 'commit.upserts') as readonly MirrorUpsert[];
    const changes = checkArray(commit.changes, 'commit.changes') as MirrorCommit['changes'];
    const fingerprint = checkText(commit.answerFingerprint, 'commit.answerFingerprint');
    const received = checkIntegerInRange(
      commit.received,
      'commit.received',
      0,
      Number.MAX_SAFE_INTEGER,
    );
    const identity = commit.identity === undefined ? null : checkIdentity(commit.identity);
    this.#db.transaction(() => {
      if (commit.replaceContacts === true) this.#identity.clearContacts();
      if (identity !== null) this.#identity.write(identity, this.#now());
      this.#writeContacts(upserts);
      this.#writeChanges(runId, detectedAtMs, changes);
      this.#recordCommit.run(runId, fingerprint, this.#now(), received);
    })();
  }

  /**
   * Rows go in ascending ID order. An ID order is what the b-tree stores, so sorted inserts append
   * to a few hot pages; a million IDs in random order touch pages all over the file and measured
   * three times slower than sorting them first (0.2 s). Answers already in ID order skip the sort.
   */
  #writeContacts(upserts: readonly MirrorUpsert[]): void {
    const count = upserts.length;
    // Number(id) is exact up to 2^53 and still ordered beyond it, which is all the sort needs.
    const keys = new Float64Array(count);
    const states = new Float64Array(count);
    let sorted = true;
    for (let i = 0; i < count; i += 1) {
      const row = upserts[i];
      if (row === null || typeof row !== 'object') {
        throw new RangeError(`commit.upserts[${i}] must be an object`);
      }
      const { id, updatedAtMs, deleted, missing } = row;
      if (!isId(id)) throw fieldError(`commit.upserts[${i}].id`, ID_RULE, id);
      if (!isTimeMs(updatedAtMs)) {
        throw fieldError(`commit.upserts[${i}].updatedAtMs`, TIME_RULE, updatedAtMs);
      }
      if (typeof deleted !== 'boolean') {
        throw fieldError(`commit.upserts[${i}].deleted`, BOOLEAN_RULE, deleted);
      }
      if (missing !== undefined && typeof missing !== 'boolean') {
        throw fieldError(`commit.upserts[${i}].missing`, BOOLEAN_RULE, missing);
      }
      const key = Number(id);
      states[i] = packState(updatedAtMs, deleted, missing === true);
      keys[i] = key;
      if (i > 0 && key < (keys[i - 1] as number)) sorted = false;
    }
    const order = sorted ? null : ascendingOrder(keys);
    this.#upsertContacts.write(count, (position, params, offset) => {
      const i = order === null ? position : (order[position] as number);
      const key = keys[i] as number;
      // Above 2^53 the number is not the ID: bind the exact value.
      params[offset] =
        key <= Number.MAX_SAFE_INTEGER ? key : BigInt((upserts[i] as MirrorUpsert).id);
      params[offset + 1] = states[i];
    });
  }

  #writeChanges(runId: string, detectedAtMs: number, changes: MirrorCommit['changes']): void {
    if (changes.length === 0) return;
    const runNo = this.#insertRun.run(runId).lastInsertRowid;
    const perKind = new Map<number, number>();
    this.#appendChanges.write(changes.length, (i, params, offset) => {
      const change = changes[i];
      if (change === null || typeof change !== 'object') {
        throw new RangeError(`commit.changes[${i}] must be an object`);
      }
      const { id, kind, updatedAtMs } = change;
      if (!isKind(kind)) throw fieldError(`commit.changes[${i}].kind`, KIND_RULE, kind);
      if (!isId(id)) throw fieldError(`commit.changes[${i}].id`, ID_RULE, id);
      if (!isTimeMs(updatedAtMs)) {
        throw fieldError(`commit.changes[${i}].updatedAtMs`, TIME_RULE, updatedAtMs);
      }
      const code = kindCode(kind);
      params[offset] = runNo;
      params[offset + 1] = id;
      params[offset + 2] = code;
      params[offset + 3] = updatedAtMs;
      params[offset + 4] = detectedAtMs;
      perKind.set(code, (perKind.get(code) ?? 0) + 1);
    });
    for (const [code, rows] of perKind) {
      this.#addToTotal.run(code, rows);
      this.#addToCount.run(detectedAtMs, code, rows);
    }
  }
}

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

/** Checks an identity before anything is written, naming the first bad field. */
export function checkIdentity(identity: MirrorIdentity): MirrorIdentity {
  if (identity === null || typeof identity !== 'object') {
    throw new RangeError('commit.identity must be an object');
  }
  return {
    baseUrl: checkText(identity.baseUrl, 'commit.identity.baseUrl'),
    contactGroupId: checkText(identity.contactGroupId, 'commit.identity.contactGroupId'),
    serverTimeZone: checkText(identity.serverTimeZone, 'commit.identity.serverTimeZone'),
  };
}

/**
 * The `mirror_identity` row, read and written inside the commit's transaction, so the contacts
 * and what they are contacts of always change together. `since_ms` moves only when the identity
 * does: it is when the current baseline began.
 */
export class IdentityWriter {
  readonly #read: Database.Statement<[], [string, string, string]>;
  readonly #write: Database.Statement<[string, string, string, number]>;
  readonly #clearContacts: Database.Statement<[]>;
  readonly #clearLastCommit: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.#read = db
      .prepare<[], [string, string, string]>(
        'SELECT base_url, contact_group_id, server_time_zone FROM mirror_identity WHERE only_row = 1',
      )
      .raw(true);
    this.#write = db.prepare(
      `INSERT INTO mirror_identity (only_row, base_url, contact_group_id, server_time_zone, since_ms)
       VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (only_row) DO UPDATE SET base_url = excluded.base_url,
         contact_group_id = excluded.contact_group_id,
         server_time_zone = excluded.server_time_zone, since_ms = excluded.since_ms
       WHERE (base_url, contact_group_id, server_time_zone)
         IS NOT (excluded.base_url, excluded.contact_group_id, excluded.server_time_zone)`,
    );
    this.#clearContacts = db.prepare('DELETE FROM contacts');
    this.#clearLastCommit = db.prepare('DELETE FROM last_commit');
  }

  read(): MirrorIdentity | null {
    const row = this.#read.get();
    if (row === undefined) return null;
    const [baseUrl, contactGroupId, serverTimeZone] = row;
    return { baseUrl, contactGroupId, serverTimeZone };
  }

  write(identity: MirrorIdentity, nowMs: number): void {
    this.#write.run(identity.baseUrl, identity.contactGroupId, identity.serverTimeZone, nowMs);
  }

  /** A new baseline: the old server's contacts go; the change log stays (real changes). */
  clearContacts(): void {
    this.#clearContacts.run();
    this.#clearLastCommit.run();
  }
}
