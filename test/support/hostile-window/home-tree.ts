/**
 * What a folder tree holds, file by file (size, content hash, mode), so a test can tell exactly
 * which files appeared, changed or went away while the code under test ran.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type TreeSnapshot = ReadonlyMap<string, string>;

export function snapshotTree(root: string): TreeSnapshot {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const stat = lstatSync(path);
      const name = relative(root, path);
      if (entry.isDirectory()) {
        files.set(`${name}/`, `dir ${stat.mode.toString(8)}`);
        walk(path);
      } else if (entry.isSymbolicLink()) {
        files.set(name, `link`);
      } else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        files.set(name, `${stat.size} ${stat.mode.toString(8)} ${hash}`);
      }
    }
  };
  walk(root);
  return files;
}

/** Paths (relative to the root) added, changed or removed between the two snapshots. */
export function changedPaths(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changed = new Set<string>();
  for (const [path, signature] of after) if (before.get(path) !== signature) changed.add(path);
  for (const path of before.keys()) if (!after.has(path)) changed.add(path);
  return [...changed].sort();
}
