/**
 * One writer per data folder. Two syncs of one folder at once used to keep 6 of 11
 * runs in the history, log changes twice and show a successful run as "interrupted". Here real
 * cli processes sync one folder together against the simulator; a SIGKILLed holder must not leave
 * the folder locked; and inside one process a second set of stores is refused or waits.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { openStores } from '../../main/compose/open-stores.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import { userAgentFor } from '../../main/core/amoot/client.ts';
import { recoverInterruptedRuns } from '../../main/core/sync/sync-engine.ts';
import { startedRun } from '../../main/core/sync/run-record.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { runCliProcess } from '../support/cli-process.ts';

const TOKEN = 'one-writer-token-5d1a';
const CHILD = path.resolve(import.meta.dirname, '../support/sync-child.ts');
let sim: Simulator;
const dirs: string[] = [];

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-one-writer-'));
  dirs.push(dir);
  return dir;
}

const cli = (args: string[]) => runCliProcess(args, { AMOOT_TOKEN: TOKEN });

function engineFor(stores: ReturnType<typeof openStores>, lockWaitMs?: number) {
  return createStoresEngine(stores, {
    readToken: () => Promise.resolve(TOKEN),
    fetch: globalThis.fetch,
    userAgent: userAgentFor(packageJson.version, process.platform),
    ...(lockWaitMs === undefined ? {} : { lockWaitMs }),
  });
}

beforeAll(async () => {
  sim = await startSimulator({ contacts: 3000, seed: 9, tokens: { [TOKEN]: 'valid' } });
});
afterAll(async () => {
  await sim.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two syncs of one data folder', () => {
  it.runIf(process.platform !== 'win32')(
    'the lock file is readable by its owner only, like the stores',
    () => {
      const dir = freshDir();
      openStores({ dir }).close();
      for (const name of ['writer.lock', 'mirror.sqlite']) {
        expect(fs.statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
      }
    },
  );

  it('from two command lines at once: every run kept, every change logged once', async () => {
    const dir = freshDir();
    const first = await cli(['sync', '--data-dir', dir, '--base-url', sim.baseUrl, '--group', '0']);
    expect(first.code, first.stderr).toBe(0);
    let realChanges = 0;
    let runs = 1;
    for (let round = 0; round < 4; round++) {
      realChanges += sim.update(50).length;
      const both = await Promise.all([
        cli(['sync', '--data-dir', dir]),
        cli(['sync', '--data-dir', dir]),
      ]);
      runs += 2;
      for (const one of both) expect(one.code, one.stdout + one.stderr).toBe(0);
      const updated = both.map(
        (one) => (JSON.parse(one.stdout) as { counts: { updated: number } }).counts.updated,
      );
      // One of the two found the 50 changes; the other, run after it, found none.
      expect(updated.sort((a, b) => a - b)).toEqual([0, 50]);
    }
    const history = await cli(['history', '--data-dir', dir, '--limit', '100']);
    const listed = JSON.parse(history.stdout) as { outcome: string }[];
    expect(listed).toHaveLength(runs);
    expect(listed.every((run) => run.outcome === 'success' || run.outcome === 'baseline')).toBe(
      true,
    );
    const updates = await cli([
      'updates',
      '--data-dir',
      dir,
      '--kind',
      'updated',
      '--limit',
      '10000',
    ]);
    expect((JSON.parse(updates.stdout) as unknown[]).length).toBe(realChanges);
  }, 120_000);

  it('a holder killed with SIGKILL leaves no lock: the next sync runs at once', async () => {
    const dir = freshDir();
    const setup = openStores({ dir });
    expect(setup.settings.update({ baseUrl: sim.baseUrl }).ok).toBe(true);
    setup.close();
    const child = spawn(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        CHILD,
        '--data-dir',
        dir,
      ],
      {
        env: { PATH: process.env['PATH'] ?? '', AMOOT_TOKEN: TOKEN },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Killed while it holds the lock: right after it announced it is fetching a run.
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        if (text.includes('connecting')) resolve();
      });
      child.on('exit', () => reject(new Error('the sync child ended by itself')));
    });
    const gone = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    const stores = openStores({ dir });
    try {
      const startedAt = performance.now();
      const run = await engineFor(stores, 0).run('manual');
      expect(run.outcome).toBe('baseline');
      expect(performance.now() - startedAt).toBeLessThan(10_000);
      const outcomes = stores.history.list({ limit: 10 }).runs.map((entry) => entry.outcome);
      // The killed child's run became "interrupted", this one is the baseline.
      expect(outcomes).toEqual(['baseline', 'interrupted']);
    } finally {
      stores.close();
    }
  }, 60_000);

  it('a second writer is refused with the bilingual "another sync" message, and nothing is lost', async () => {
    const dir = freshDir();
    const holder = openStores({ dir });
    const other = openStores({ dir });
    try {
      expect(holder.settings.update({ baseUrl: sim.baseUrl }).ok).toBe(true);
      const release = await holder.lock.acquire(0);
      expect(release).not.toBeNull();
      // The holder's run is in progress: its entry says running.
      holder.history.begin(startedRun('live-run', 'cli', Date.now()));
      // Recovery by the other writer must not call a live run interrupted.
      expect(recoverInterruptedRuns(other.history, other.mirror)).toEqual([]);
      const refused = await engineFor(other, 300).run('manual');
      expect(refused).toMatchObject({
        outcome: 'failed',
        errorKind: 'busy',
        message: { key: 'store.busy' },
      });
      expect(other.settings.update({ contactGroupId: '7' })).toMatchObject({
        ok: false,
        message: { key: 'store.busy' },
      });
      expect(() => other.history.clear()).toThrow(
        expect.objectContaining({ kind: 'busy', messageKey: 'store.busy' }),
      );
      expect(holder.history.list({ limit: 10 }).runs.map((run) => run.outcome)).toEqual([
        'running',
      ]);
      release?.();
      // Released: the other writer's sync now runs.
      const run = await engineFor(other, 1000).run('manual');
      expect(run, JSON.stringify(run)).toMatchObject({ outcome: 'baseline' });
    } finally {
      holder.close();
      other.close();
    }
  });
});
