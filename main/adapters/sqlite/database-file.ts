import fs from 'node:fs';
import path from 'node:path';
import { corruptStamp } from '../conf-store/move-aside.ts';

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
