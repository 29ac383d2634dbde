/**
 * An answer whose `Status` is megabytes long. It must end as a failed run with a short
 * status in the history — never an exception in main that leaves the run `running` — both when the
 * sync runs in main's process and when it runs in its own process (the Node twin of the app's).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../common/sync-types.ts';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import { openStores, type OpenedStores } from '../../main/compose/open-stores.ts';
import { nodeProcessLauncher } from '../../main/sync-worker/launch-node-process.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { workerEngineOn } from '../support/worker-engine-on.ts';

const TOKEN = 'hostile-status-token-0c5b';
/** About 5 MB of one unknown title, as a hostile or broken server could send. */
const HUGE_STATUS = `Hostile_${'\u202EX'.repeat(2_500_000)}`;
const MAX_STATUS_CHARS = 200;

let sim: Simulator;
let stores: OpenedStores | undefined;
const dirs: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ contacts: 20, seed: 4, tokens: { [TOKEN]: 'valid' } });
});
afterAll(async () => {
  await sim.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  sim.setFault(null);
  stores?.close();
  stores = undefined;
});

function openDataDir(): { dir: string; stores: OpenedStores } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-status-'));
  dirs.push(dir);
  stores = openStores({ dir });
  stores.settings.update({ baseUrl: sim.baseUrl });
  return { dir, stores };
}

/** What the user sees in the history: the run finished, failed, and its status is short and clean. */
function expectShortFailedRun(opened: OpenedStores, run: SyncRunRecord): void {
  expect(run.outcome).toBe('failed');
  const saved = opened.history.list({ limit: 10 }).runs;
  expect(saved.map((entry) => entry.outcome)).toEqual(['failed']);
  const status = saved[0]?.status ?? '';
  expect(status.startsWith('Hostile_')).toBe(true);
  expect(status.length).toBeLessThanOrEqual(MAX_STATUS_CHARS);
  expect(status).not.toContain('\u202E');
}

describe('a Status megabytes long', () => {
  it('in main: the run fails with a short status, nothing thrown', async () => {
    const opened = openDataDir().stores;
    sim.setFault({ kind: 'status', title: HUGE_STATUS });
    const engine = createStoresEngine(opened, {
      readToken: () => Promise.resolve(TOKEN),
      fetch: globalThis.fetch,
      userAgent: 'hostile-status-test',
      retry: { attempts: 1, baseDelayMs: 5, maxDelayMs: 10 },
    });
    expectShortFailedRun(opened, await engine.run('manual'));
  });

  it('in its own process: the run fails with a short status, not left running', async () => {
    const { dir, stores: opened } = openDataDir();
    sim.setFault({ kind: 'status', title: HUGE_STATUS });
    const { engine, logs } = workerEngineOn(opened, dir, nodeProcessLauncher(), { token: TOKEN });
    expectShortFailedRun(opened, await engine.run('manual'));
    expect(logs.join('\n')).not.toContain(TOKEN);
  }, 30_000);
});
