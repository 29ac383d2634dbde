/**
 * One writer per data folder. Two syncs of one folder at once (two command lines, or the app and a
 * command line) each diffed against the same mirror and rewrote the same history file from their
 * own copy: runs vanished from the history and changes were logged twice. Everything that writes a
 * folder's stores — a sync, a settings change, clearing the history, retention — holds this lock.
 *
 * The lock belongs to the process (re-entrant inside it): the app's main process holds it while
 * its sync process runs, and may change settings meanwhile. It is released by the operating system
 * when the process dies, however it dies, so a crash never leaves a folder locked.
 */
export interface WriterLock {
  /**
   * Runs `write` holding the lock, taken at once or not at all: `{ ok: false }` (and `write` not
   * called) when another process holds it. For the small writes of settings and history, which
   * must not wait in main's event loop.
   */
  holdNow<T>(write: () => T): { ok: true; value: T } | { ok: false };
  /**
   * Takes the lock for a long job (a sync), waiting up to `waitMs` for another process to let go.
   * Resolves with the function that releases it, or null when the wait ran out or `signal` fired.
   */
  acquire(waitMs: number, signal?: AbortSignal): Promise<(() => void) | null>;
}

/** For stores no other process can reach (memory stores in tests): always free. */
export const UNSHARED_LOCK: WriterLock = {
  holdNow: (write) => ({ ok: true, value: write() }),
  acquire: () => Promise.resolve(() => undefined),
};
