import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const MAP = 'docs/ARCHITECTURE.md';
/** The project's own top-level folders; a backticked path under one of them is a claim to check. */
const TOP = /^(main|common|renderer|test|scripts|build|docs)\//;

/**
 * Every backticked path under a top-level folder, as written (a glob's `*` and a folder's `/` cut
 * off). Short forms such as `launch-node-process.ts` name a file beside the one before them and
 * are not checked.
 */
function pathsIn(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)]
    .map((match) => match[1] ?? '')
    .filter((path) => TOP.test(path))
    .map((path) => path.replace(/[*].*$/, '').replace(/\/$/, ''));
}

describe('docs/ARCHITECTURE.md', () => {
  const text = readFileSync(join(root, MAP), 'utf8');

  it('names the folders and files of the tree as they are', () => {
    const paths = pathsIn(text);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('is linked from README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/ARCHITECTURE.md)');
  });
});
