import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { WriterLock } from '../../core/ports/writer-lock.ts';

import { WRITER_LOCK_FILE } from '../../core/ports/data-folder.ts';

export { WRITER_LOCK_FILE };

/** How often a waiting writer asks again; a sync takes seconds, so a tenth of one is prompt. */
const POLL_MS = 100;

export interface FolderWriterLock extends WriterLock {
  close(): void;
}

/**
 * The folder's writer lock as an exclusive SQLite transaction on a file of its own. Why SQLite and
 * not a lock file with a pid in it: the lock is the operating system's (`fcntl` on POSIX,
 * `LockFileEx` on Windows), which the kernel drops the moment the holding process ends — SIGKILL,
 * a crash, a power cut — so no liveness guess (a pid reused, another host, a clock change) can
 * ever keep a folder locked or let two writers in. The transaction never writes a page and its
 * journal lives in memory, so nothing is left on disk to repair after a kill.
 *
 * It is its own file, not the mirror: holding a transaction on the mirror for a whole sync would
 * block the app's own reads and writes of it (its sync process writes through a connection of its
 * own), and SQLite's locks on the mirror stay what they were.
 *
 * Nothing else may open this file with plain `fs`: on POSIX, closing any descriptor of a file drops
 * every lock the process holds on it. SQLite creates it, and keeps its own descriptors apart.
 */
export function openWriterLock(file: string): FolderWriterLock {
  const db = new Database(file, { timeout: 0 });
  // Owner-only like every file of the folder. chmod goes by path and opens no descriptor, so it
  // cannot drop a lock this process holds through another connection (see above).
  try {
    if (process.platform !== 'win32') chmodSync(file, 0o600);
  } catch (error) {
    // A read-only disk: the connection must not outlive the refusal (it would hold the file open).
    db.close();
    throw error;
  }
  let configured = false;
  let holds = 0;

  /** True when this process holds the lock now (again, if it held it already). */
  const take = (): boolean => {
    if (holds > 0) {
      holds += 1;
      return true;
    }
    try {
      if (!configured) {
        db.pragma('journal_mode = MEMORY');
        configured = true;
      }
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return false;
      throw error;
    }
    holds = 1;
    return true;
  };
  const release = (): void => {
    if (holds === 0) return;
    holds -= 1;
    if (holds === 0 && db.open) db.exec('ROLLBACK');
  };
  const releaseOnce = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  return {
    holdNow(write) {
      if (!take()) return { ok: false };
      try {
        return { ok: true, value: write() };
      } finally {
        release();
      }
    },
    async acquire(waitMs, signal) {
      const deadline = performance.now() + waitMs;
      for (;;) {
        if (signal?.aborted) return null;
        if (take()) return releaseOnce();
        const left = deadline - performance.now();
        if (left <= 0) return null;
        await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
      }
    },
    close() {
      holds = 0;
      // Closing ends the transaction: the lock goes with the connection.
      if (db.open) db.close();
    },
  };
}
