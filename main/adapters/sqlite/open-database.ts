import Database from 'better-sqlite3';
import { MirrorFileDamagedError, MirrorTooNewError } from './store-errors.ts';
import fs from 'node:fs';
import path from 'node:path';
import { corruptStamp } from '../conf-store/move-aside.ts';

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the mirror file, checks that it is ours and sound, brings its schema up to date and
 * returns the connection. Throws `MirrorFileDamagedError` or an SQLite corruption error for a file
 * to move aside, `MirrorTooNewError` for a file to leave alone, and anything else as it comes; no
 * connection stays open when it throws.
 */
export function openMirrorDatabase(file: string): Database.Database {
  const version = probe(file);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db);
    migrate(db, version);
    verifySchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing mirror for reading only: nothing is created, migrated or written, so a
 * command that only reads never changes the folder, and it can read a mirror another process is
 * writing (WAL readers see the last commit). Returns the connection and the file's schema version
 * (0: an empty database, no mirror in it); throws as `openMirrorDatabase` does.
 */
export function openMirrorDatabaseReadOnly(file: string): {
  db: Database.Database;
  version: number;
} {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const version = identify(db, file);
    if (version > 0) verifySchema(db, version);
    return { db, version };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Identifies the file through a read-only connection. A read-write connection that closes
 * checkpoints and deletes the `-wal` file, which for a damaged database could be the only copy of
 * its last commits; a read-only one changes nothing, so a file found damaged or too new is moved
 * aside or left with every byte it had.
 */
function probe(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return identify(db, file);
  } finally {
    db.close();
  }
}

/** Returns the file's schema version (0 for an empty database). */
function identify(db: Database.Database, file: string): number {
  // The first read of the header: garbage, a text file or a cut-off header fail here.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck().get() ?? 0;
  if (objects === 0 && version === 0 && (applicationId === 0 || applicationId === APPLICATION_ID)) {
    return 0;
  }
  if (applicationId !== APPLICATION_ID) {
    throw new MirrorFileDamagedError(
      `the file is an SQLite database of another program (application_id ${applicationId}, user_version ${version})`,
    );
  }
  if (version > SCHEMA_VERSION) throw new MirrorTooNewError(file, version, SCHEMA_VERSION);
  if (version === 0) throw new MirrorFileDamagedError('the file has tables but no schema version');
  quickCheck(db);
  return version;
}

/**
 * `quick_check` reads every page and checks the b-trees' structure (not index contents, which
 * `integrity_check` would add at several times the cost), so a file damaged anywhere is found at
 * start-up rather than half-way through a sync.
 */
function quickCheck(db: Database.Database): void {
  const problems = db.prepare<[], string>('PRAGMA quick_check(5)').pluck().all();
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new MirrorFileDamagedError(`quick_check: ${problems.join('; ')}`);
}

/**
 * WAL lets the UI read while a sync writes; `synchronous = NORMAL` is durable against a crash of
 * the app and consistent after a power cut (the last commit may be lost, never half-applied). The
 * 8 MiB cache bound is measured: a baseline appends in ID order and needs few hot pages, and a
 * larger cache (32 MiB) only added to the app's peak memory when a diff reads every contact;
 * `journal_size_limit` trims the WAL after a large commit instead of leaving it at its peak size.
 */
function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -8192');
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_size_limit = 67108864');
}

/** SQLite keeps a WAL database in up to three files; they belong together. */
const COMPANIONS = ['', '-wal', '-shm'] as const;

/**
 * Makes sure the folder exists and the database file is readable by its owner only: the mirror
 * lists the account's contacts. SQLite gives the `-wal` and `-shm` files the database file's mode,
 * so creating the (empty) file here is what makes all three private. Windows ignores the mode.
 */
export function prepareDatabaseFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform === 'win32') return;
  for (const suffix of COMPANIONS) {
    const companion = file + suffix;
    try {
      if (fs.statSync(companion).isFile()) fs.chmodSync(companion, 0o600);
    } catch (error) {
      // Absent companions are normal; a file we do not own keeps its mode and SQLite decides.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM') throw error;
    }
  }
}

/** Far more damaged files in one second than can happen; past it something else is wrong. */
const MAX_ATTEMPTS = 1000;

/**
 * Renames a damaged database and its `-wal`/`-shm` to `<file>.corrupt-<timestamp>` (plus the same
 * suffixes, so SQLite tools open the set as one database) and returns the new path of the main
 * file. Nothing is deleted: the bytes stay for the user or support to look at. A taken name gets
 * `-2`, `-3`, … because renaming onto it would replace an older damaged file.
 */
export function moveDatabaseAside(file: string, atMs: number): string {
  const base = `${file}.corrupt-${corruptStamp(atMs)}`;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const target = attempt === 1 ? base : `${base}-${attempt}`;
    if (COMPANIONS.some((suffix) => fs.existsSync(target + suffix))) continue;
    for (const suffix of COMPANIONS) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
    }
    return target;
  }
  throw new Error(`could not find a free name to move ${file} aside`);
}

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
      -- state = updated_at_ms * 4 + deleted * 2 + missing (see packState in main/core/sync/diff.ts).
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
