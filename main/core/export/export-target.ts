import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';

import { isDataFileName, type DataFolder } from '../ports/data-folder.ts';

export type { DataFolder };

/** An export refused before anything was written; `localized` says why in both languages. */
export class ExportTargetError extends Error {
  readonly kind = 'input';
  readonly localized: LocalizedMessage;
  constructor(localized: LocalizedMessage) {
    super(`export target refused: ${localized.key}`);
    this.localized = localized;
  }
}

export interface ExportTargetOptions {
  /**
   * The name was completed by the app (`.csv` added to what the save dialog returned), so the
   * dialog never asked whether to replace a file of that name: one that exists is refused.
   */
  readonly mustBeNew?: boolean;
}

/**
 * Throws unless `file` may receive an export: a name that does not exist yet, or an existing
 * regular file (the CSV the user means to replace). A folder, device (`/dev/full`), FIFO, socket or
 * symbolic link is refused — replacing it would turn it into a plain file — and so is any file of
 * the data folder: a store, its SQLite side files (`-wal`, `-shm`, `-journal`), the copies set aside
 * as `.corrupt-*` and lock files. Paths are compared after resolving symbolic links and `..`, and
 * an existing file also by identity (device and inode), which covers a case-insensitive disk.
 */
export function checkExportTarget(
  file: string,
  dataFolder?: DataFolder,
  options: ExportTargetOptions = {},
): void {
  const target = path.resolve(file);
  const existing = lstatOrNull(target);
  if (existing !== null && !existing.isFile()) {
    throw new ExportTargetError({ key: 'export.target.not-file', params: { path: target } });
  }
  const parent = realpathOrNull(path.dirname(target));
  if (parent === null) {
    throw new ExportTargetError({ key: 'export.target.no-folder', params: { path: target } });
  }
  checkDataFolder(target, parent, existing, dataFolder);
  if (options.mustBeNew === true && existing !== null) {
    throw new ExportTargetError({ key: 'export.target.exists', params: { path: target } });
  }
}

/** Refuses `target` (in the real folder `parent`) when it is, or is named as, a store's file. */
function checkDataFolder(
  target: string,
  parent: string,
  existing: Stats | null,
  dataFolder: DataFolder | undefined,
): void {
  if (dataFolder === undefined) return;
  const dataDir = realpathOrNull(dataFolder.dir);
  if (dataDir === null) return;
  const name = path.basename(target);
  const sameFolder = parent === dataDir || sameFile(statOrNull(parent), statOrNull(dataDir));
  const isStoreFile = sameFolder && (isDataFileName(name, dataFolder.files) || isLock(name));
  const isStoreByIdentity =
    existing !== null &&
    dataFolder.files.some((store) => sameFile(existing, statOrNull(path.join(dataDir, store))));
  if (isStoreFile || isStoreByIdentity) {
    throw new ExportTargetError({ key: 'export.target.data-file', params: { path: target } });
  }
}

function isLock(name: string): boolean {
  return /(^|\.)lock$/i.test(name);
}

function sameFile(a: Stats | null, b: Stats | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

function lstatOrNull(file: string): Stats | null {
  return lstatSync(file, { throwIfNoEntry: false }) ?? null;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function realpathOrNull(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}
