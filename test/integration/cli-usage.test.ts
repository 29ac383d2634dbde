import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliChild, cliInProcess, type CliResult } from '../support/cli-run.ts';

const TOKEN = 'cli-usage-token-2b90';
const COMMANDS = ['fetch', 'sync', 'updates', 'history', 'export'];
let sim: Simulator;
let root: string;

beforeAll(async () => {
  sim = await startSimulator({ contacts: 20, seed: 4, tokens: { [TOKEN]: 'valid' } });
  root = mkdtempSync(path.join(tmpdir(), 'amoot-cli-usage-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(root, { recursive: true, force: true });
});

function failure(result: CliResult): { en: string; fa: string } {
  expect(result.code).toBe(1);
  expect(result.json).toMatchObject({ ok: false, kind: 'input', status: null });
  return (result.json as { message: { en: string; fa: string } }).message;
}

/**
 * Latin words inside the Persian text, once what is typed rather than read is taken out: option
 * names, the npm command line, quoted «names», paths and the few names of formats and streams.
 */
function englishIn(fa: string): string[] {
  const syntax =
    /(--?[\w-]+|npm run --silent cli[^«»،؛.]*|«[^»]*»|AMOOT_TOKEN|[\w./-]*\/[\w./-]*)/g;
  const typed = [
    'JSON',
    'CSV',
    'Excel',
    'stdout',
    'stderr',
    'COMMAND',
    'VALUE',
    'value',
    'npm',
    'cli',
  ];
  return (fa.replace(syntax, '').match(/[A-Za-z]{3,}/g) ?? []).filter(
    (word) => !typed.includes(word) && !COMMANDS.includes(word),
  );
}

describe('cli help', () => {
  it.each([['--help'], ['help'], ['-h']])(
    '%s prints usage for people, English then Persian, exit 0',
    async (flag) => {
      const result = await cliChild([flag]);
      expect(result.code).toBe(0);
      expect(result.json).toBeUndefined();
      const english = result.stdout.indexOf('Commands:');
      const persian = result.stdout.indexOf('فرمان‌ها:');
      expect(english).toBeGreaterThanOrEqual(0);
      expect(persian).toBeGreaterThan(english);
      for (const command of COMMANDS) expect(result.stdout).toContain(`cli -- ${command} `);
      expect(result.stdout).not.toContain('\\n');
    },
  );

  it.each(COMMANDS)('%s --help shows that command alone, exit 0', async (command) => {
    const result = await cliInProcess([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`cli -- ${command} `);
    for (const other of COMMANDS.filter((name) => name !== command)) {
      expect(result.stdout).not.toContain(`cli -- ${other} `);
    }
    expect(result.stdout).toMatch(/[\u0600-\u06FF]/);
  });

  it('an unknown command is a JSON failure listing the commands', async () => {
    const message = failure(await cliInProcess(['synk']));
    for (const command of COMMANDS) {
      expect(message.en).toContain(command);
      expect(message.fa).toContain(command);
    }
  });
});

describe('cli options', () => {
  it.each([' 7', '+7', '-0', '-7', '7.0', '۷ ', '', '0x7'])(
    'refuses --group %j with one rule that says what is accepted',
    async (group) => {
      const before = sim.requests.length;
      const result = await cliInProcess(['fetch', '--base-url', sim.baseUrl, '--group', group], {
        AMOOT_TOKEN: TOKEN,
      });
      const message = failure(result);
      expect(message.en).toMatch(/--group.*digits only/);
      expect(englishIn(message.fa)).toEqual([]);
      expect(sim.requests.length).toBe(before);
    },
  );

  it.each([
    ['7', '7'],
    ['۷', '7'],
    ['٧', '7'],
    ['00012', '12'],
  ])('accepts --group %j as group %s', async (group, sent) => {
    const result = await cliInProcess(['fetch', '--base-url', sim.baseUrl, '--group', group], {
      AMOOT_TOKEN: TOKEN,
    });
    expect(result.json).toMatchObject({ ok: true });
    expect(sim.requests.at(-1)?.body).toBe(`ContactGroupID=${sent}`);
  });

  it('reads Persian and Arabic-Indic digits in every number: --limit ۵, --timeout-ms ٥٠٠٠', async () => {
    const dir = path.join(root, 'digits');
    const sync = ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--timeout-ms', '٥٠٠٠'];
    expect((await cliInProcess(sync, { AMOOT_TOKEN: TOKEN })).json).toMatchObject({ ok: true });
    sim.update(8);
    expect((await cliInProcess(sync, { AMOOT_TOKEN: TOKEN })).json).toMatchObject({ ok: true });
    const updates = await cliInProcess(['updates', '--data-dir', dir, '--limit', '۵']);
    expect(updates.json).toHaveLength(5);
    const history = await cliInProcess(['history', '--data-dir', dir, '--limit', '۱']);
    expect(history.json).toHaveLength(1);
  });

  it.each([
    ['updates', '--limit', '5'],
    ['fetch', '--group', '0'],
    ['sync', '--base-url', 'http://127.0.0.1:1/rest'],
  ])(
    '%s refuses %s given twice, naming it, instead of keeping the last',
    async (command, flag, value) => {
      const dir = path.join(root, 'repeated');
      const args = [
        command,
        ...(command === 'fetch' ? [] : ['--data-dir', dir]),
        flag,
        value,
        flag,
        value,
      ];
      const message = failure(await cliInProcess(args, { AMOOT_TOKEN: TOKEN }));
      expect(message.en).toContain(flag);
      expect(message.fa).toContain(flag);
      expect(message.en).toMatch(/more than once/);
    },
  );

  it('refuses a value on a flag that takes none, in its own words', async () => {
    const message = failure(await cliInProcess(['fetch', '--items=yes'], { AMOOT_TOKEN: TOKEN }));
    expect(message.en).toContain('--items');
    expect(englishIn(message.fa)).toEqual([]);
  });

  it('says "put --" when an argument arrives without its option, with no English in the Persian', async () => {
    const message = failure(await cliInProcess(['sync', 'x']));
    expect(message.en).toContain('"x"');
    expect(message.en).toContain('npm run --silent cli -- sync');
    expect(englishIn(message.fa)).toEqual([]);
  });
});

describe('cli wording', () => {
  it('tells a rejected token to go into AMOOT_TOKEN, not to "enter it here"', async () => {
    sim.setToken(TOKEN, 'Token_Expired');
    try {
      const result = await cliInProcess(['fetch', '--base-url', sim.baseUrl], {
        AMOOT_TOKEN: TOKEN,
      });
      const { message } = result.json as { message: { en: string; fa: string } };
      expect(message.en).not.toMatch(/enter it here/);
      expect(message.en).toContain('AMOOT_TOKEN');
      expect(message.fa).not.toContain('اینجا وارد کنید');
      expect(message.fa).toContain('AMOOT_TOKEN');
    } finally {
      sim.setToken(TOKEN, 'valid');
    }
  });
});

describe('through npm without --', () => {
  it('names the options npm kept for itself and how to pass them', async () => {
    const dir = path.join(root, 'npm-ate');
    const result = await new Promise<CliResult>((resolve) => {
      execFile(
        'npm',
        ['run', '--silent', 'cli', 'history', '--data-dir', dir, '--limit', '3'],
        { env: { PATH: process.env['PATH'] ?? '', HOME: root } },
        (error, stdout, stderr) => {
          const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
          resolve({ code, stdout, stderr, json: JSON.parse(stdout) as unknown });
        },
      );
    });
    const message = failure(result);
    expect(message.en).toContain('--data-dir, --limit');
    expect(message.en).toContain('npm run --silent cli -- history');
    expect(message.fa).toContain('--data-dir, --limit');
    expect(englishIn(message.fa)).toEqual([]);
  });
});
