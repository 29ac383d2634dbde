import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';

/** `npm run simulator -- …` as its own process (the arguments package.json gives node). */
function simulatorCli(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        'test/simulator/cli.ts',
        ...args,
      ],
      { env: { PATH: process.env['PATH'] ?? '' }, timeout: 15_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

/** A mistake the user can fix: one line in English and Persian on stderr, no stack, exit 1. */
function expectOneLine(result: { code: number; stdout: string; stderr: string }, english: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(english);
  expect(lines[0]).toMatch(/[\u0600-\u06FF]/);
  expect(result.stderr).not.toMatch(/EADDRINUSE|\bat .*:\d+:\d+/);
}

let busy: Simulator;
beforeAll(async () => {
  busy = await startSimulator({ contacts: 1 });
});
afterAll(async () => {
  await busy.close();
});

describe('npm run simulator -- …', () => {
  it('on a port already in use: one clear line in both languages, exit 1', async () => {
    const result = await simulatorCli(['--port', String(busy.port), '--contacts', '1']);
    expectOneLine(result, new RegExp(`port ${busy.port} .* already in use.*--port`));
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--contacts', 'many'], /--contacts must be a whole number/],
    [['--contacts', '-5'], /--contacts/],
    [['--bogus'], /"--bogus" is not an option/],
    [['--token', ''], /--token cannot be empty/],
  ])('refuses %j in one line, exit 1', async (args, english) => {
    expectOneLine(await simulatorCli(args), english);
  });
});
