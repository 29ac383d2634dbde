import Database from 'better-sqlite3';
import { APPLICATION_ID, SCHEMA_VERSION, migrate, verifySchema } from './schema.ts';
import { MirrorFileDamagedError, MirrorTooNewError } from './store-errors.ts';

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
