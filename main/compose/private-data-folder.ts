import { isDataFileName } from '../core/ports/data-folder.ts';
import { makeFolderPrivate } from '../adapters/owner-only-folder.ts';

/**
 * Makes the data folder (0700) and every store file in it (0600) owner-only at once, when the
 * stores are opened. conf applies its file mode only when it writes, and SQLite keeps the mode a file
 * already has, so a `settings.json` left 0644 by an older version, a copy or an archive tool
 * stayed readable by every account on the computer until the next write; the token's ciphertext,
 * the mirror and its `-wal`/`-shm`, the writer lock and the copies set aside alike.
 *
 * Call it only on a folder known to be a data folder (one being opened to write, or holding a
 * mirror). Only the folder's own files are touched (by name, `isDataFileName`); what is left
 * alone, and which failures are borne, is `makeFolderPrivate`'s.
 */
export function makeDataFolderPrivate(dir: string, options: { readOnly?: boolean } = {}): void {
  makeFolderPrivate(dir, isDataFileName, options);
}
