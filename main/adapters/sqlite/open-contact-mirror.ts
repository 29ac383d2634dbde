import type { ContactMirror } from '../../core/ports/contact-mirror.ts';
import type { StoreRecovery } from '../../core/ports/store-recovery.ts';
import { moveDatabaseAside, prepareDatabaseFile } from './database-file.ts';
import { openMirrorDatabase, openMirrorDatabaseReadOnly } from './open-database.ts';
import { SqliteContactMirror } from './sqlite-contact-mirror.ts';
import { describeDamage, isDamage } from './store-errors.ts';

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
  const db = openMirrorDatabase(file);
  try {
    return new SqliteContactMirror(db, now);
  } catch (error) {
    // The file must be closed before it can be moved aside (Windows refuses to rename it open).
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
  try {
    return new SqliteContactMirror(db, Date.now);
  } catch (error) {
    db.close();
    throw error;
  }
}
