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
import { ContactReader } from './read-contacts.ts';
import { UpdatesReader } from './query-updates.ts';
import { CommitWriter } from './write-commit.ts';
import { IdentityWriter } from './mirror-identity.ts';

/** `ContactMirror` over one open connection; each concern lives in its own reader or writer. */
export class SqliteContactMirror implements ContactMirror {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #contacts: ContactReader;
  #commits: CommitWriter | null = null;
  #identity: IdentityWriter | null = null;
  readonly #updates: UpdatesReader;
  #retention: RetentionWriter | null = null;
  readonly #count: Database.Statement<[], number>;
  readonly #lastCommit: Database.Statement<[], [string, string, number, number]>;

  constructor(db: Database.Database, now: () => number) {
    this.#db = db;
    this.#now = now;
    this.#contacts = new ContactReader(db);
    this.#updates = new UpdatesReader(db);
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
    return this.#updates.query(query);
  }

  forEachUpdate(filter: UpdatesFilter, visit: (row: UpdateRow) => void): number {
    return this.#updates.forEach(toSqlUpdatesFilter({ ...filter, limit: 1 }), visit);
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
