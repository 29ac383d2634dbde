/**
 * Syncs and exports in a process of their own (the app's utility process, here its Node twin with
 * the same job code and messages): main keeps history, settings and token; the process reports
 * back, and ends with its job. A process that dies mid-run still leaves a truthful history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress, SyncRunRecord } from '../../common/sync-types.ts';
import { openStores, type OpenedStores } from '../../main/compose/open-stores.ts';
import type { SyncEngine } from '../../main/core/sync/sync-engine.ts';
import { nodeProcessLauncher } from '../../main/sync-worker/launch-node-process.ts';
import type { LaunchWorker, WorkerHandle } from '../../main/sync-worker/protocol.ts';
import { exportInWorker } from '../../main/sync-worker/worker-export.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { workerEngineOn } from '../support/worker-engine-on.ts';

const TOKEN = 'sync-process-token-5d1e7a';

let sim: Simulator;
let dir: string;
let stores: OpenedStores;

beforeAll(async () => {
  sim = await startSimulator({ contacts: 3000, seed: 21, tokens: { [TOKEN]: 'valid' } });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFault(null);
  stores?.close();
});

interface Harness {
  readonly engine: SyncEngine;
  readonly progress: SyncProgress[];
  readonly finished: SyncRunRecord[];
  readonly logs: string[];
  /** Every process started, with whether it has ended. */
  readonly workers: { handle: WorkerHandle; exited: Promise<number | null> }[];
}

function harness(
  options: { readToken?: () => Promise<string | null>; cancelGraceMs?: number } = {},
): Harness {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-process-'));
  stores = openStores({ dir });
  stores.settings.update({ baseUrl: sim.baseUrl });
  const launchNode = nodeProcessLauncher();
  const workers: Harness['workers'] = [];
  const launch: LaunchWorker = () => {
    const handle = launchNode();
    const exited = new Promise<number | null>((resolve) => handle.onExit(resolve));
    workers.push({ handle, exited });
    return handle;
  };
  const progress: SyncProgress[] = [];
  const finished: SyncRunRecord[] = [];
  const { engine, logs } = workerEngineOn(stores, dir, launch, {
    token: TOKEN,
    ...(options.readToken === undefined ? {} : { readToken: options.readToken }),
    onProgress: (value) => progress.push(value),
    onRunFinished: (run) => finished.push(run),
    ...(options.cancelGraceMs === undefined ? {} : { cancelGraceMs: options.cancelGraceMs }),
  });
  return { engine, progress, finished, logs, workers };
}

const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a sync in its own process', () => {
  it('syncs a baseline and then exactly the changed contacts, recorded by main, and ends', async () => {
    const { engine, progress, finished, workers } = harness();
    const first = await engine.run('manual');
    expect(first).toMatchObject({ outcome: 'baseline', committed: true });
    expect(first.counts?.added).toBe(3000);
    expect(stores.mirror.count()).toBe(3000);

    const changed = sim.update(25).map(String).sort();
    const second = await engine.run('schedule');
    expect(second).toMatchObject({ outcome: 'success', committed: true });
    expect(second.counts?.updated).toBe(25);
    // Main's own connection sees what the process committed.
    const page = stores.mirror.queryUpdates({ order: 'detected-time', limit: 100 });
    expect(page.rows.map((row) => row.id).sort()).toEqual(changed);
    // History was written by main, newest first, with both runs final.
    expect(stores.history.list({ limit: 10 }).runs.map((run) => run.outcome)).toEqual([
      'success',
      'baseline',
    ]);
    expect(finished.map((run) => run.id)).toEqual([second.id, first.id].reverse());
    expect(new Set(progress.map((p) => p.phase))).toEqual(
      new Set(['connecting', 'downloading', 'comparing', 'saving']),
    );
    // One process per run, each ended once its run was over.
    expect(workers).toHaveLength(2);
    await Promise.all(workers.map((worker) => worker.exited));
  });

  it('joins a run already going instead of starting a second process', async () => {
    const { engine, workers } = harness();
    const [a, b] = await Promise.all([engine.run('manual'), engine.run('schedule')]);
    expect(a.id).toBe(b.id);
    expect(workers).toHaveLength(1);
  });

  it('cancels a stalled run: recorded as cancelled, mirror untouched, process ended', async () => {
    const { engine, progress, workers } = harness();
    await engine.run('manual');
    sim.update(5);
    sim.setFault({ kind: 'stall-after-headers' });
    progress.length = 0;
    const running = engine.run('manual');
    // The answer's headers came and its body never will: the run waits on the connection.
    await waitFor(() => progress.some((p) => p.phase === 'connecting'));
    const before = stores.mirror.lastCommit();
    engine.cancel();
    const run = await running;
    expect(run).toMatchObject({ outcome: 'cancelled', committed: false });
    expect(stores.mirror.lastCommit()).toEqual(before);
    await workers.at(-1)?.exited;
  });

  it('records a run whose process died as interrupted, and the next run works', async () => {
    const { engine, progress, workers, logs } = harness();
    await engine.run('manual');
    sim.setFault({ kind: 'stall-after-headers' });
    progress.length = 0;
    const running = engine.run('schedule');
    await waitFor(() => progress.some((p) => p.phase === 'connecting'));
    workers.at(-1)?.handle.kill();
    const run = await running;
    expect(run).toMatchObject({ outcome: 'interrupted', committed: false });
    expect(stores.history.list({ limit: 1 }).runs[0]).toMatchObject({
      id: run.id,
      outcome: 'interrupted',
    });
    expect(logs.some((line) => line.includes('ended') && line.includes('before its run'))).toBe(
      true,
    );
    sim.setFault(null);
    expect(await engine.run('manual')).toMatchObject({ outcome: 'success' });
  });

  it('records a failed run, and keeps syncing later, when the process cannot even start', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-process-'));
    stores = openStores({ dir });
    const unstartable = (): never => {
      throw new Error('spawn ENOENT');
    };
    const { engine, logs } = workerEngineOn(stores, dir, unstartable, { token: TOKEN });
    const run = await engine.run('schedule');
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'unknown',
      message: { key: 'sync.internal-error' },
    });
    expect(stores.history.list({ limit: 1 }).runs[0]?.id).toBe(run.id);
    expect(engine.isRunning()).toBe(false);
    expect(logs.some((line) => line.includes('spawn ENOENT'))).toBe(true);
  });

  it('fails the run with the vault’s own message when main cannot read the token', async () => {
    const { engine } = harness({
      readToken: () =>
        Promise.reject(
          Object.assign(new Error('keychain locked'), {
            localized: { key: 'token.backend.keychain' },
          }),
        ),
    });
    const run = await engine.run('manual');
    expect(run).toMatchObject({ outcome: 'failed', message: { key: 'token.backend.keychain' } });
    expect(stores.mirror.count()).toBe(0);
  });

  it('writes a CSV export of what the filter matches', async () => {
    const { engine } = harness();
    await engine.run('manual');
    const ids = sim.update(7).map(String).sort();
    await engine.run('manual');
    const file = path.join(dir, 'export.csv');
    const rows = await exportInWorker(nodeProcessLauncher(), dir)(file, {
      order: 'detected-time',
      kinds: ['updated'],
    });
    expect(rows).toBe(7);
    const text = fs.readFileSync(file, 'utf8');
    for (const id of ids) expect(text).toContain(id);
    await expect(
      exportInWorker(nodeProcessLauncher(), dir)(path.join(dir, 'no-such-folder', 'x.csv'), {
        order: 'detected-time',
      }),
    ).rejects.toThrow();
  });
});
