import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorCode } from '../core/ports/store-error.ts';

/**
 * Makes a folder of the app's own (0700) and the files in it that `isOwnFile` names (0600)
 * owner-only at once: the data folder when its stores open (`compose/private-data-folder.ts`), the
 * logs folder when logging starts (`logging.ts`). The files are picked by name because such a
 * folder may hold other programs' files too (Electron's userData holds Chromium's).
 *
 * The folder itself keeps its mode when it is the home folder, a file system's root or a sticky
 * folder such as `/tmp`, which other programs rely on. A symbolic link is left alone, so a planted
 * one cannot make this chmod a file elsewhere, and so is anything another account owns (root
 * running the cli on a user's folder changes none of that user's modes); a refused chmod (`EPERM`)
 * lets the caller go on as before. A caller that only reads (`readOnly`) also goes on past a
 * read-only disk or a folder it may not change. Windows has no such modes.
 */
export function makeFolderPrivate(
  dir: string,
  isOwnFile: (name: string) => boolean,
  options: { readOnly?: boolean } = {},
): void {
  if (process.platform === 'win32') return;
  const tolerated = options.readOnly === true ? READ_ONLY_TOLERATED : TOLERATED;
  if (!isSharedFolder(dir)) tighten(dir, 'folder', tolerated);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if (isTolerated(error, tolerated)) return;
    throw error;
  }
  for (const name of names) {
    if (isOwnFile(name)) tighten(path.join(dir, name), 'file', tolerated);
  }
}

/** The file vanished meanwhile, or is someone else's: nothing this process can do about it. */
const TOLERATED: ReadonlySet<string> = new Set(['ENOENT', 'EPERM']);
/** A reader also leaves a read-only disk, or a folder it may not search, as it is. */
const READ_ONLY_TOLERATED: ReadonlySet<string> = new Set([...TOLERATED, 'EROFS', 'EACCES']);

/**
 * Takes the group's and others' bits off a folder or regular file (never through a link), keeping
 * the owner's: 0644 becomes 0600, 0755 becomes 0700, a file the user made read-only stays so.
 */
function tighten(file: string, kind: 'folder' | 'file', tolerated: ReadonlySet<string>): void {
  try {
    const found = fs.lstatSync(file);
    const expected = kind === 'folder' ? found.isDirectory() : found.isFile();
    if (!expected || (found.mode & 0o077) === 0 || found.uid !== process.getuid?.()) return;
    // A sticky folder (`/tmp`) is shared by design: a `--data-dir` naming it must not lock it.
    if (kind === 'folder' && (found.mode & 0o1000) !== 0) return;
    fs.chmodSync(file, found.mode & 0o700);
  } catch (error) {
    if (!isTolerated(error, tolerated)) throw error;
  }
}

/** The home folder or a root (`/`, a mount's top is not known here): never made owner-only. */
function isSharedFolder(dir: string): boolean {
  const resolved = path.resolve(dir);
  return resolved === path.parse(resolved).root || resolved === path.resolve(os.homedir());
}

function isTolerated(error: unknown, tolerated: ReadonlySet<string>): boolean {
  const code = errorCode(error);
  return code !== null && tolerated.has(code);
}
