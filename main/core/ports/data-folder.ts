/**
 * The files of one data folder, named once: the adapters open them, the stores' opening checks
 * them and makes them owner-only, and an export must never write over any of them
 * (main/core/export/export-target.ts).
 */
export const MIRROR_FILE = 'mirror.sqlite';
export const SETTINGS_FILE = 'settings.json';
export const HISTORY_FILE = 'history.json';
/** An SQLite file that never holds a row: its lock is the folder's writer lock. */
export const WRITER_LOCK_FILE = 'writer.lock';
/** The safeStorage ciphertext of the token, in the app's folder only when no keychain answers. */
export const TOKEN_FILE = 'token.enc.json';
/** Which one-time notices the window has shown (the close-to-tray notice). */
export const UI_FLAGS_FILE = 'ui-flags.json';

export const DATA_FILES = [
  MIRROR_FILE,
  SETTINGS_FILE,
  HISTORY_FILE,
  WRITER_LOCK_FILE,
  TOKEN_FILE,
  UI_FLAGS_FILE,
] as const;

/** A data folder and its files' base names: what an export must never write into. */
export interface DataFolder {
  readonly dir: string;
  readonly files: readonly string[];
}

export function dataFolderAt(dir: string): DataFolder {
  return { dir, files: DATA_FILES };
}

/**
 * True for a store's own file or one named after it: its SQLite `-wal`, `-shm`, `-journal`, a
 * `.corrupt-…` copy set aside, a conf temporary file. Compared ignoring case, which covers a
 * case-insensitive disk.
 */
export function isDataFileName(name: string, files: readonly string[] = DATA_FILES): boolean {
  const lower = name.toLowerCase();
  return files.some((store) => {
    const base = store.toLowerCase();
    return lower === base || lower.startsWith(`${base}-`) || lower.startsWith(`${base}.`);
  });
}
