import type Database from 'better-sqlite3';
import { MirrorFileDamagedError } from './store-errors.ts';

/** 'AMCS' in `PRAGMA application_id`: tells our file from any other SQLite database. */
export const APPLICATION_ID = 0x414d4353;

interface Migration {
  /** `PRAGMA user_version` once this step has run. */
  readonly version: number;
  readonly sql: string;
}

/**
 * Forward-only steps, in order; each runs in its own transaction together with the version bump,
 * so a crash leaves the file at the previous version, never half-way. Never edit a released step:
 * add the next one.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- One row per contact ever seen; never deleted (a contact absent from an answer is 'missing').
      -- state = updated_at_ms * 4 + deleted * 2 + missing (see contact-state.ts).
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        state INTEGER NOT NULL
      ) STRICT;

      CREATE VIEW contacts_readable AS
        SELECT id, state >> 2 AS updated_at_ms, (state >> 1) & 1 AS deleted, state & 1 AS missing
        FROM contacts;

      -- A run's ID is stored once here; change_log rows refer to it by number (a UUID per row
      -- would cost ~40 bytes each over a million rows).
      CREATE TABLE runs (
        run_no INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: seq never goes back, even after retention has emptied the log.
      -- contact_id is TEXT so that an ID prefix is one range of an index. Each index serves a
      -- view of the log (see query-updates.ts): newest first by detected or by server time; one
      -- kind newest first, and counts per kind in a detected window; counts and rows per kind
      -- under an ID prefix.
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run_no INTEGER NOT NULL,
        contact_id TEXT NOT NULL,
        kind INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        detected_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX change_log_by_detected ON change_log (detected_at_ms);
      CREATE INDEX change_log_by_server ON change_log (updated_at_ms);
      CREATE INDEX change_log_by_kind ON change_log (kind, detected_at_ms);
      CREATE INDEX change_log_by_kind_contact ON change_log (kind, contact_id, detected_at_ms);

      -- Rows per kind in change_log, kept in the same transactions that add and remove rows, so
      -- the unfiltered totals never count a million rows.
      CREATE TABLE change_totals (
        kind INTEGER PRIMARY KEY,
        row_count INTEGER NOT NULL
      ) STRICT;

      -- The same per detected time (one per sync that logged changes), so the totals of a
      -- detected window add up a row per sync instead of counting every entry inside it.
      CREATE TABLE change_counts (
        detected_at_ms INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        PRIMARY KEY (detected_at_ms, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE last_commit (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        run_id TEXT NOT NULL,
        answer_fingerprint TEXT NOT NULL,
        committed_at_ms INTEGER NOT NULL,
        received INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    sql: `
      -- What the mirror mirrors: the server (its base URL, normalised), the contact group and the
      -- server's time zone (which turns its wall-clock times into instants). A sync with other
      -- values starts a new baseline instead of comparing another server's contacts with these.
      -- No row: a mirror from before this step, which adopts its next sync's values. Nothing
      -- derived from the token is kept (main/core/sync/mirror-identity.ts says why).
      CREATE TABLE mirror_identity (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        base_url TEXT NOT NULL,
        contact_group_id TEXT NOT NULL,
        server_time_zone TEXT NOT NULL,
        since_ms INTEGER NOT NULL
      ) STRICT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** What the current version's tables and indexes look like, to tell a foreign or mangled file. */
const EXPECTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  contacts: ['id', 'state'],
  runs: ['run_no', 'run_id'],
  change_log: ['seq', 'run_no', 'contact_id', 'kind', 'updated_at_ms', 'detected_at_ms'],
  change_totals: ['kind', 'row_count'],
  change_counts: ['detected_at_ms', 'kind', 'row_count'],
  last_commit: ['only_row', 'run_id', 'answer_fingerprint', 'committed_at_ms', 'received'],
  mirror_identity: ['only_row', 'base_url', 'contact_group_id', 'server_time_zone', 'since_ms'],
};
/** The step that added each table; a file read without migrating (read-only) has only earlier ones. */
const TABLE_SINCE: Readonly<Record<string, number>> = { mirror_identity: 2 };
const EXPECTED_INDEXES = [
  'change_log_by_detected',
  'change_log_by_server',
  'change_log_by_kind',
  'change_log_by_kind_contact',
];

/** Brings a file at `fromVersion` (0: empty) up to `SCHEMA_VERSION`. */
export function migrate(db: Database.Database, fromVersion: number): void {
  for (const step of MIGRATIONS) {
    if (step.version <= fromVersion) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

/**
 * Throws `MirrorFileDamagedError` naming the first table, column or index that is not as built
 * (at `version`, the file's own when it is read without migrating it).
 */
export function verifySchema(db: Database.Database, version = SCHEMA_VERSION): void {
  const columnsOf = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck();
  for (const [table, expected] of Object.entries(EXPECTED_COLUMNS)) {
    if ((TABLE_SINCE[table] ?? 1) > version) continue;
    const actual = columnsOf.all(table);
    if (actual.join(',') !== expected.join(',')) {
      const found = actual.length === 0 ? 'missing' : `(${actual.join(', ')})`;
      throw new MirrorFileDamagedError(
        `table ${table} is ${found}, expected (${expected.join(', ')})`,
      );
    }
  }
  const indexes = new Set(
    db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all(),
  );
  const absent = EXPECTED_INDEXES.filter((name) => !indexes.has(name));
  if (absent.length > 0) throw new MirrorFileDamagedError(`index ${absent.join(', ')} missing`);
}
