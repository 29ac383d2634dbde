/**
 * `sync` as a run of its own: flags that apply to this run and are kept only when it succeeds, a
 * time-out the user chooses, and Ctrl+C or SIGTERM that end the run as cancelled in the history.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliChild, cliInProcess, spawnCli } from '../support/cli-run.ts';

const TOKEN = 'cli-sync-run-token-64af';
const env = { AMOOT_TOKEN: TOKEN };
let sim: Simulator;
let root: string;

beforeAll(async () => {
  sim = await startSimulator({ contacts: 200, seed: 8, tokens: { [TOKEN]: 'valid' } });
  root = mkdtempSync(path.join(tmpdir(), 'amoot-cli-sync-run-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(root, { recursive: true, force: true });
});

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

const savedSettings = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

async function history(dir: string) {
  return (await cliInProcess(['history', '--data-dir', dir])).json as {
    outcome: string;
    errorKind: string | null;
  }[];
}

/** Resolves once the simulator has received one more request than `count`. */
async function requestArrived(count: number): Promise<void> {
  while (sim.requests.length <= count) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('cli sync flags', () => {
  it('another time zone starts a new baseline that says so, and fakes no change', async () => {
    const dir = path.join(root, 'zone');
    const first = ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--group', '0'];
    expect((await cliInProcess(first, env)).json).toMatchObject({ ok: true, newBaseline: null });
    const moved = await cliInProcess(['sync', '--data-dir', dir, '--time-zone', 'UTC'], env);
    expect(moved.code).toBe(0);
    expect(moved.json).toMatchObject({
      ok: true,
      baseline: true,
      newBaseline: 'time-zone',
      counts: { updated: 0, missing: 0 },
    });
    // A baseline logs no change: the change log stays as empty as after the first sync.
    expect((await cliInProcess(['updates', '--data-dir', dir], env)).json).toEqual([]);
    const { warnings } = moved.json as { warnings: { en: string; fa: string }[] };
    expect(warnings.map((warning) => warning.en).join(' ')).toMatch(/time zone/i);
    expect(warnings.every((warning) => /[\u0600-\u06FF]/.test(warning.fa))).toBe(true);
  });

  it('a failed sync keeps none of its flags: the next sync uses the saved ones', async () => {
    const dir = path.join(root, 'flags');
    const good = ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--group', '0'];
    expect((await cliInProcess(good, env)).json).toMatchObject({ ok: true, baseline: true });

    const typo = `http://127.0.0.1:${await closedPort()}/rest`;
    const failed = await cliInProcess(
      ['sync', '--data-dir', dir, '--base-url', typo, '--group', '5', '--time-zone', 'UTC'],
      env,
    );
    // However the run ends (unreachable, or a new server refused), its flags are not kept.
    expect(failed.code).toBe(1);
    expect(failed.json).toMatchObject({ ok: false });
    expect(savedSettings(dir)).toMatchObject({ baseUrl: sim.baseUrl, contactGroupId: '0' });
    expect(savedSettings(dir)['serverTimeZone']).not.toBe('UTC');

    sim.update(3);
    const next = await cliInProcess(['sync', '--data-dir', dir], env);
    expect(next.json).toMatchObject({ ok: true, counts: { updated: 3 } });
    const outcomes = (await history(dir)).map((run) => run.outcome);
    expect(outcomes[0]).toBe('success');
    expect(outcomes.at(-1)).toBe('baseline');
  }, 60_000);

  it('a successful sync saves its flags for the next one', async () => {
    const dir = path.join(root, 'saved');
    const first = ['sync', '--data-dir', dir, '--base-url', `${sim.baseUrl}/`, '--group', '۰'];
    expect((await cliInProcess(first, env)).json).toMatchObject({ ok: true });
    expect(savedSettings(dir)).toMatchObject({ baseUrl: sim.baseUrl, contactGroupId: '0' });
    expect((await cliInProcess(['sync', '--data-dir', dir], env)).json).toMatchObject({ ok: true });
  });
});

describe('cli sync against a stalled server', () => {
  it('--timeout-ms bounds each attempt and --verbose says the server is slow', async () => {
    const dir = path.join(root, 'timeout');
    sim.setFault({ kind: 'stall-before-headers' });
    try {
      const started = Date.now();
      const result = await cliChild(
        ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--timeout-ms', '400', '--verbose'],
        env,
      );
      const elapsedMs = Date.now() - started;
      expect(result.code).toBe(1);
      expect(result.json).toMatchObject({ ok: false, kind: 'timeout', status: null });
      // Three attempts of 0.4 s and the retry pauses (2 s, 4 s): far from 3 × 30 s.
      expect(elapsedMs).toBeLessThan(30_000);
      expect(result.stderr).toMatch(/The server has sent nothing for [\d.]+ s/);
      expect(result.stderr).toMatch(/سرور .* ثانیه است چیزی نفرستاده/);
      expect(result.stderr).not.toContain(TOKEN);
    } finally {
      sim.setFault(null);
    }
    expect((await history(dir))[0]).toMatchObject({ outcome: 'failed', errorKind: 'timeout' });
  }, 60_000);

  it('tells a person watching the terminal that the server is slow, without --verbose', async () => {
    sim.setFault({ kind: 'stall-before-headers' }, { times: 1 });
    try {
      const dir = path.join(root, 'terminal');
      const lines: string[] = [];
      // stderr as a terminal: what a user running the command by hand has.
      const terminal = Object.assign(
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString('utf8'));
            done();
          },
        }),
        { isTTY: true },
      );
      const result = await cliInProcess(
        ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--timeout-ms', '400'],
        env,
        { stderr: terminal },
      );
      expect(result.json).toMatchObject({ ok: true });
      expect(lines.join('')).toMatch(/The server has sent nothing for [\d.]+ s/);
    } finally {
      sim.setFault(null);
    }
  });

  it('is silent on stderr without --verbose when stderr is a pipe (a script)', async () => {
    sim.setFault({ kind: 'stall-before-headers' }, { times: 1 });
    try {
      const dir = path.join(root, 'quiet');
      const result = await cliChild(
        ['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--timeout-ms', '400'],
        env,
      );
      expect(result.json).toMatchObject({ ok: true });
      expect(result.stderr).toBe('');
    } finally {
      sim.setFault(null);
    }
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s cancels the run: one JSON failure, exit 1, and the history says cancelled',
    async (signal) => {
      const dir = path.join(root, `signal-${signal}`);
      sim.setFault({ kind: 'stall-before-headers' });
      try {
        const before = sim.requests.length;
        const run = spawnCli(['sync', '--data-dir', dir, '--base-url', sim.baseUrl], env);
        let result;
        try {
          await requestArrived(before);
          run.child.kill(signal);
          result = await run.done;
        } finally {
          if (run.child.exitCode === null && run.child.signalCode === null)
            run.child.kill('SIGKILL');
        }
        expect(result.code, result.stderr).toBe(1);
        expect(result.json).toMatchObject({ ok: false, kind: 'cancelled', status: null });
        expect((result.json as { message: { fa: string } }).message.fa).toMatch(/لغو/);
      } finally {
        sim.setFault(null);
      }
      const runs = await history(dir);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ outcome: 'cancelled', errorKind: 'cancelled' });
    },
  );
});
