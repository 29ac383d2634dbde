import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliChild, cliInProcess, type CliResult } from '../support/cli-run.ts';

const TOKEN = 'cli-failure-token-7e42';
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'amoot-cli-failures-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** What README promises for every failure: one JSON object on stdout, nothing else, exit 1. */
function expectOneJsonFailure(result: CliResult): { en: string; fa: string } {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
  const failure = result.json as { ok: boolean; kind: string; message: { en: string; fa: string } };
  expect(failure).toMatchObject({ ok: false, status: null });
  expect(typeof failure.kind).toBe('string');
  expect(failure.message.en).toMatch(/\w{3,}/);
  expect(failure.message.fa).toMatch(/[\u0600-\u06FF]/);
  expect(result.stdout).not.toMatch(/\n\s+at /);
  return failure.message;
}

describe('every cli failure is one JSON object and exit 1', () => {
  it.each(['history', 'updates', 'sync'])(
    '%s on a data folder that is a regular file, or lies under one',
    async (command) => {
      const file = path.join(root, `${command}-file`);
      writeFileSync(file, 'not a folder');
      for (const dir of [file, path.join(file, 'below')]) {
        const result = await cliChild([command, '--data-dir', dir], { AMOOT_TOKEN: TOKEN });
        expectOneJsonFailure(result);
        expect(result.stderr).toBe('');
      }
    },
  );

  it.each(['settings.json', 'history.json'])('history when %s is a folder', async (name) => {
    const dir = path.join(root, `folder-${name}`);
    mkdirSync(path.join(dir, name), { recursive: true });
    expectOneJsonFailure(await cliChild(['history', '--data-dir', dir]));
  });

  it('export to a folder that does not exist', async () => {
    const dir = path.join(root, 'export-data');
    mkdirSync(dir);
    const out = path.join(root, 'no-such-folder', 'updates.csv');
    const message = expectOneJsonFailure(
      await cliChild(['export', '--data-dir', dir, '--out', out]),
    );
    expect(message.en).toContain(out);
  });

  it('an unexpected error: its detail on stderr only with --verbose, never the token', async () => {
    const dir = path.join(root, 'unexpected');
    mkdirSync(dir);
    const findToken = () => Promise.reject(new Error(`keychain exploded near ${TOKEN}`));
    const args = ['sync', '--data-dir', dir, '--base-url', 'http://127.0.0.1:9/rest'];
    const quiet = await cliInProcess(args, { AMOOT_TOKEN: TOKEN }, { findToken });
    expect(quiet.json).toMatchObject({ ok: false, kind: 'unknown' });
    expect(expectOneJsonFailure(quiet).en).toMatch(/--verbose/);
    expect(quiet.stderr).toBe('');

    const verbose = await cliInProcess(
      [...args, '--verbose'],
      { AMOOT_TOKEN: TOKEN },
      { findToken },
    );
    expectOneJsonFailure(verbose);
    expect(verbose.stderr).toContain('keychain exploded');
    expect(verbose.stdout + verbose.stderr).not.toContain(TOKEN);
  });
});
