import { globSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_FILES, type ProjectName } from '../../projects.ts';

const root = join(import.meta.dirname, '../../..');

function matching(patterns: readonly string[]): Set<string> {
  return new Set(patterns.flatMap((pattern) => globSync(pattern, { cwd: root })));
}

function filesOf(name: ProjectName): Set<string> {
  const { include, exclude } = PROJECT_FILES[name];
  const excluded = matching(exclude);
  return new Set([...matching(include)].filter((file) => !excluded.has(file)));
}

describe('the Vitest projects', () => {
  const names = Object.keys(PROJECT_FILES) as ProjectName[];
  const projectsOf = new Map<string, ProjectName[]>();
  for (const name of names) {
    for (const file of filesOf(name)) projectsOf.set(file, [...(projectsOf.get(file) ?? []), name]);
  }

  it('take every test file, so `npm test` runs each one', () => {
    const untaken = globSync('test/**/*.test.ts', { cwd: root }).filter((f) => !projectsOf.has(f));
    expect(untaken).toEqual([]);
  });

  it('take each test file once, so no file runs twice in `npm test`', () => {
    const twice = [...projectsOf].filter(([, projects]) => projects.length > 1);
    expect(twice).toEqual([]);
  });

  it('each hold a file: a pattern that stopped matching is seen', () => {
    for (const name of names) expect(filesOf(name).size, name).toBeGreaterThan(0);
  });

  it('keep the slow files out of the everyday loop (unit and renderer)', () => {
    const fast = new Set([...filesOf('unit'), ...filesOf('renderer')]);
    for (const slow of ['crash', 'e2e', 'processes', 'packaging'] as const) {
      expect(
        [...filesOf(slow)].filter((file) => fast.has(file)),
        slow,
      ).toEqual([]);
    }
  });
});
