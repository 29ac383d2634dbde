import type Database from 'better-sqlite3';
import type {
  ContactMirror,
  LastCommit,
  MirrorCommit,
  MirrorIdentity,
  RetentionPolicy,
  UpdateRow,
  UpdatesFilter,
  UpdatesPage,
  UpdatesQuery,
} from '../../core/ports/contact-mirror.ts';
import { toSqlUpdatesFilter } from './sql-updates-filter.ts';
import { RetentionWriter } from './apply-retention.ts';
import { UpdatesReader } from './query-updates.ts';
import { CommitWriter, IdentityWriter } from './write-commit.ts';
import type { StoreRecovery } from '../../core/ports/store-recovery.ts';
import {
  moveDatabaseAside,
  prepareDatabaseFile,
  openMirrorDatabase,
  openMirrorDatabaseReadOnly,
} from './open-database.ts';
import { describeDamage, isDamage } from './store-errors.ts';

/** `ContactMirror` over one open connection; each concern lives in its own reader or writer. */
export class SqliteContactMirror implements ContactMirror {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #contacts: ContactReader;
  #commits: CommitWriter | null = null;
  #identity: IdentityWriter | null = null;
  #updates: UpdatesReader | null = null;
  #retention: RetentionWriter | null = null;
  readonly #count: Database.Statement<[], number>;
  readonly #lastCommit: Database.Statement<[], [string, string, number, number]>;

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#contacts = new ContactReader(db);
    // SQLite counts a table by its pages, not its rows: about 2 ms for a million contacts.
    this.#count = db.prepare<[], number>('SELECT count(*) FROM contacts').pluck();
    this.#lastCommit = db
      .prepare<[], [string, string, number, number]>(
        `SELECT run_id, answer_fingerprint, committed_at_ms, received
         FROM last_commit WHERE only_row = 1`,
      )
      .raw(true);
  }

  readStates(visit: (id: string, state: number) => void): void {
    this.#contacts.readStates(visit);
  }

  count(): number {
    return this.#count.get() ?? 0;
  }

  commit(commit: MirrorCommit): void {
    // Writers are prepared when first used: a connection that only reads (the cli's `updates`,
    // a file of an older schema opened read-only) never prepares a statement it cannot run.
    this.#commits ??= new CommitWriter(this.#db, this.#now);
    this.#commits.write(commit);
  }

  identity(): MirrorIdentity | null {
    if (this.#identity === null) {
      const hasTable = this.#db
        .prepare<[], number>(
          "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'mirror_identity'",
        )
        .pluck()
        .get();
      if (hasTable !== 1) return null;
      this.#identity = new IdentityWriter(this.#db);
    }
    return this.#identity.read();
  }

  checkpoint(): void {
    this.#db.pragma('wal_checkpoint(PASSIVE)');
  }

  lastCommit(): LastCommit | null {
    const row = this.#lastCommit.get();
    if (row === undefined) return null;
    const [runId, answerFingerprint, committedAtMs, received] = row;
    return { runId, answerFingerprint, committedAtMs, received };
  }

  queryUpdates(query: UpdatesQuery): UpdatesPage {
    return this.#updatesReader().query(query);
  }

  forEachUpdate(filter: UpdatesFilter, visit: (row: UpdateRow) => void): number {
    return this.#updatesReader().forEach(toSqlUpdatesFilter({ ...filter, limit: 1 }), visit);
  }

  /** Prepared when first asked for, like the writers: a sync process never reads the change log. */
  #updatesReader(): UpdatesReader {
    return (this.#updates ??= new UpdatesReader(this.#db));
  }

  applyRetention(policy: RetentionPolicy, nowMs: number): number {
    this.#retention ??= new RetentionWriter(this.#db);
    return this.#retention.apply(policy, nowMs);
  }

  /**
   * Leaves a compact file behind: `optimize` refreshes the planner's statistics where they went
   * stale, and a TRUNCATE checkpoint folds the WAL back into the database and empties it. Closing
   * twice is harmless. Neither is needed for the data to be safe (a WAL left behind is read and
   * folded in by the next connection), so a full disk or a read-only file failing them does not
   * stop the connection from closing: a sync already checkpointed, and failed, if the disk is full.
   */
  close(): void {
    if (!this.#db.open) return;
    try {
      if (!this.#db.readonly) {
        this.#db.pragma('optimize');
        this.#db.pragma('wal_checkpoint(TRUNCATE)');
      }
    } catch {
      // See above: the WAL keeps every commit until a later connection folds it in.
    } finally {
      this.#db.close();
    }
  }
}

/** Rows per round trip; measured flat between 2,000 and 50,000. */
const CHUNK_ROWS = 10_000;

/**
 * Visits every contact's ID and packed state (`packState` in core/sync/diff.ts), in ascending ID
 * order; the state goes to the diff as the column holds it, so no row is unpacked only to be
 * packed again. Reading a million rows is what every sync's diff pays, so the shape is the one that measured fastest: chunks through `.all()` (`.iterate()`
 * crosses into SQLite once per row and took about 1.5× as long) of one text value per row,
 * `"<id>,<state>"`, which took 0.55 s against 0.8 s for two columns per row. SQLite writes the ID
 * in decimal, so an ID above 2^53 never passes through a number. The walk is one read
 * transaction, so a commit from another connection meanwhile is not half-seen.
 */
export class ContactReader {
  readonly #db: Database.Database;
  readonly #chunk: Database.Statement<[number | string], string>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#chunk = db
      .prepare<[number | string], string>(
        `SELECT id || ',' || state FROM contacts WHERE id > ? ORDER BY id LIMIT ${CHUNK_ROWS}`,
      )
      .pluck();
  }

  readStates(visit: (id: string, state: number) => void): void {
    this.#db.transaction(() => {
      // The text of the last ID, compared with an INTEGER column, is read as its exact value.
      let after: number | string = -1;
      for (;;) {
        const lines = this.#chunk.all(after);
        for (const line of lines) {
          const comma = line.indexOf(',');
          visit(line.slice(0, comma), Number(line.slice(comma + 1)));
        }
        if (lines.length < CHUNK_ROWS) return;
        const last = lines[lines.length - 1] as string;
        after = last.slice(0, last.indexOf(','));
      }
    })();
  }
}

export interface OpenContactMirrorOptions {
  /** The database file; its folder is created if needed. */
  readonly file: string;
  /** Wall clock for commit times and the name of a file moved aside; `Date.now` by default. */
  readonly now?: () => number;
  /**
   * `throw` for a second connection (the sync process) to a file the app already opened and
   * repaired: moving it aside under the other connection's feet would lose its writes.
   */
  readonly onDamage?: 'move-aside' | 'throw';
}

export interface OpenedContactMirror {
  readonly mirror: ContactMirror;
  /** Set when the file was damaged and moved aside: the UI must tell the user where it went. */
  readonly recovery: StoreRecovery | null;
}

/**
 * Opens (or creates) the contact mirror. A damaged file — garbage, truncated, not a database,
 * another program's database, failing `quick_check` — is moved aside with its WAL and a fresh
 * mirror is started; the next sync is then a baseline. A mirror from a newer app version throws
 * `MirrorTooNewError` and stays untouched; other failures (permissions, a locked file) are thrown
 * as they are, since moving data away would not cure them.
 */
export function openContactMirror(options: OpenContactMirrorOptions): OpenedContactMirror {
  const now = options.now ?? Date.now;
  const { file } = options;
  prepareDatabaseFile(file);
  try {
    return { mirror: openMirror(file, now), recovery: null };
  } catch (error) {
    if (!isDamage(error) || options.onDamage === 'throw') throw error;
    const atMs = now();
    const movedTo = moveDatabaseAside(file, atMs);
    prepareDatabaseFile(file);
    const mirror = openMirror(file, now);
    return { mirror, recovery: { store: 'mirror', movedTo, reason: describeDamage(error), atMs } };
  }
}

function openMirror(file: string, now: () => number): ContactMirror {
  return mirrorOn(openMirrorDatabase(file), now);
}

/**
 * The mirror over an open connection, which is closed if building the mirror throws: a file must
 * be closed before it can be moved aside (Windows refuses to rename it open).
 */
function mirrorOn(db: Database.Database, now: () => number): ContactMirror {
  try {
    return new SqliteContactMirror(db, now);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing mirror for reading only (the cli's `updates`, `history`, `export`): no file
 * or folder is created and a damaged file is thrown about, never moved. Null when the file holds
 * no mirror (an empty database); a missing file throws SQLite's `SQLITE_CANTOPEN`.
 */
export function openContactMirrorReadOnly(file: string): ContactMirror | null {
  const { db, version } = openMirrorDatabaseReadOnly(file);
  if (version === 0) {
    db.close();
    return null;
  }
  return mirrorOn(db, Date.now);
}
