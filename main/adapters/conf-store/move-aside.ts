import fs from 'node:fs';

/** `20261127T054500Z`: UTC to the second, sortable, and free of characters Windows forbids. */
export function corruptStamp(atMs: number): string {
  return new Date(atMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Far more damaged files in one second than can happen; past it something else is wrong. */
const MAX_ATTEMPTS = 1000;

/**
 * Renames a damaged store file to `<file>.corrupt-<timestamp>` so its bytes survive for the user
 * (or support) to look at, and returns the new path. A name already taken gets `-2`, `-3`, …:
 * renaming onto it would replace an older damaged file on Windows and on POSIX alike.
 */
export function moveFileAside(filePath: string, atMs: number): string {
  const base = `${filePath}.corrupt-${corruptStamp(atMs)}`;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const target = attempt === 1 ? base : `${base}-${attempt}`;
    if (fs.existsSync(target)) continue;
    fs.renameSync(filePath, target);
    return target;
  }
  throw new Error(`Could not find a free name to move ${filePath} aside`);
}
