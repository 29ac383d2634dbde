import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../common/settings.ts';
import type { SyncProgress } from '../../../../common/sync-types.ts';
import { systemClock, systemTimers } from '../../../../main/core/ports/clock.ts';
import {
  inProcessTransport,
  type InProcessDeps,
} from '../../../../main/core/sync/in-process-transport.ts';
import {
  createSyncEngine,
  recoverInterruptedRuns,
  type SyncEngineDeps,
} from '../../../../main/core/sync/sync-engine.ts';
import { startSimulator, type Simulator } from '../../../simulator/index.ts';
import { MemoryHistory } from '../../../support/memory-history.ts';
import { MemoryMirror } from '../../../support/memory-mirror.ts';

const TOKEN = 'engine-token-77';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ contacts: 400, seed: 11, tokens: { [TOKEN]: 'valid' } });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFault(null);
  sim.setToken(TOKEN, 'valid');
});

type Overrides = Partial<
  Pick<SyncEngineDeps, 'readToken'> & Pick<InProcessDeps, 'mirror' | 'timeoutMs'>
>;

function setup(overrides: Overrides = {}) {
  const mirror = new MemoryMirror();
  const history = new MemoryHistory();
  const progress: SyncProgress[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, baseUrl: sim.baseUrl };
  const engine = createSyncEngine({
    transport: inProcessTransport({
      mirror: overrides.mirror ?? mirror,
      fetch,
      userAgent: 'test',
      clock: systemClock,
      timers: systemTimers,
      random: () => 0.5,
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 },
      timeoutMs: overrides.timeoutMs ?? 1_000,
    }),
    history,
    settings: () => settings,
    readToken: overrides.readToken ?? (() => Promise.resolve(TOKEN)),
    clock: systemClock,
    onProgress: (p) => progress.push(p),
  });
  return { engine, mirror, history, progress };
}

const snapshot = (mirror: MemoryMirror) =>
  JSON.stringify({ rows: [...mirror.rows], log: mirror.log, last: mirror.lastCommit() });

describe('sync engine', () => {
  it('fills the mirror with a baseline, then reports exactly what changed', async () => {
    const { engine, mirror, history } = setup();
    const first = await engine.run('manual');
    expect(first).toMatchObject({
      outcome: 'baseline',
      committed: true,
      attempts: 1,
      status: 'Success',
    });
    expect(first.counts?.received).toBe(400);
    expect(mirror.count()).toBe(400);
    expect(mirror.log).toHaveLength(0);

    const changed = sim.update(25).map(String).sort();
    const second = await engine.run('schedule');
    expect(second.outcome).toBe('success');
    expect(second.counts).toEqual({
      received: 400,
      added: 0,
      updated: 25,
      deleted: 0,
      restored: 0,
      missing: 0,
      unchanged: 375,
    });
    expect(mirror.log.map((row) => row.id).sort()).toEqual(changed);
    expect(history.runs.map((run) => run.outcome)).toEqual(['success', 'baseline']);
  });

  it('does not parse or write an answer identical to the last one', async () => {
    const { engine, mirror } = setup();
    await engine.run('manual');
    const commits = mirror.commits;
    const again = await engine.run('manual');
    expect(again.counts).toMatchObject({ received: 400, unchanged: 400, added: 0 });
    expect(again.committed).toBe(false);
    expect(mirror.commits).toBe(commits);
  });

  it('joins a running sync instead of starting a second one', async () => {
    const { engine } = setup();
    const before = sim.requests.length;
    const [a, b] = await Promise.all([engine.run('manual'), engine.run('tray')]);
    expect(a).toBe(b);
    expect(sim.requests.length - before).toBe(1);
  });

  it('retries a failing server within the run, then succeeds', async () => {
    const { engine, progress } = setup();
    sim.setFault({ kind: 'http-status', status: 503 }, { times: 2 });
    const run = await engine.run('manual');
    expect(run).toMatchObject({ outcome: 'baseline', attempts: 3 });
    expect(progress.some((p) => p.phase === 'waiting-to-retry')).toBe(true);
  });

  it('gives up after the last attempt and leaves the stores as they were', async () => {
    const { engine, mirror, history } = setup();
    await engine.run('manual');
    sim.update(10);
    const before = snapshot(mirror);
    sim.setFault({ kind: 'truncated' });
    const run = await engine.run('manual');
    expect(run).toMatchObject({ outcome: 'failed', errorKind: 'protocol', committed: false });
    expect(snapshot(mirror)).toBe(before);
    expect(history.runs[0]).toEqual(run);
  });

  it('never retries a rejected token', async () => {
    const { engine } = setup();
    sim.setToken(TOKEN, 'Token_Expired');
    const before = sim.requests.length;
    const run = await engine.run('schedule');
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'auth',
      status: 'Token_Expired',
      attempts: 1,
    });
    expect(sim.requests.length - before).toBe(1);
  });

  it('honours a Retry-After longer than it may wait by leaving it to the next run', async () => {
    const { engine } = setup();
    sim.setFault({ kind: 'rate-limit', retryAfter: '3600' });
    const run = await engine.run('schedule');
    expect(run).toMatchObject({ outcome: 'failed', errorKind: 'rate-limit', attempts: 1 });
    expect(run.retryAfterMs).toBe(3_600_000);
  });

  it('cancels a stalled download: cancelled, nothing written', async () => {
    const { engine, mirror } = setup({ timeoutMs: 10_000 });
    sim.setFault({ kind: 'stall-after-headers' });
    const pending = engine.run('manual');
    setTimeout(() => engine.cancel(), 100);
    const run = await pending;
    expect(run.outcome).toBe('cancelled');
    expect(mirror.commits).toBe(0);
    expect(engine.isRunning()).toBe(false);
  });

  it('asks for a token when none is stored, without calling the server', async () => {
    const { engine } = setup({ readToken: () => Promise.resolve(null) });
    const before = sim.requests.length;
    const run = await engine.run('startup');
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'auth',
      message: { key: 'token.missing' },
    });
    expect(sim.requests.length).toBe(before);
  });

  it("says why the token could not be read, in the vault's own words", async () => {
    const locked = Object.assign(new Error('keychain locked'), {
      localized: { key: 'token.keychain.locked' },
    });
    const { engine } = setup({ readToken: () => Promise.reject(locked) });
    const before = sim.requests.length;
    const run = await engine.run('schedule');
    expect(run).toMatchObject({ outcome: 'failed', message: { key: 'token.keychain.locked' } });
    expect(sim.requests.length).toBe(before);
  });

  it('turns an unexpected storage error into a failed run, never a crash', async () => {
    const broken = new MemoryMirror();
    broken.commit = () => {
      throw new Error('disk I/O error');
    };
    const { engine, history } = setup({ mirror: broken });
    const run = await engine.run('manual');
    expect(run).toMatchObject({
      outcome: 'failed',
      errorKind: 'unknown',
      message: { key: 'sync.internal-error' },
    });
    expect(history.runs[0]).toEqual(run);
    expect(engine.isRunning()).toBe(false);
  });

  it('reports progress through connecting, downloading, comparing and saving', async () => {
    const { engine, progress } = setup();
    await engine.run('manual');
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['connecting', 'downloading', 'comparing', 'saving']);
    expect(progress.filter((p) => p.phase === 'downloading').at(-1)?.bytesReceived).toBeGreaterThan(
      10_000,
    );
  });

  it('marks a run the app stopped in the middle of as interrupted, saying whether it committed', () => {
    const { history, mirror } = setup();
    history.begin({ ...baseRun('a'), outcome: 'running' });
    mirror.commit({
      runId: 'a',
      detectedAtMs: 1,
      upserts: [],
      changes: [],
      answerFingerprint: 'x',
      received: 0,
    });
    history.begin({ ...baseRun('b'), outcome: 'running' });
    const recovered = recoverInterruptedRuns(history, mirror);
    expect(recovered.map((run) => [run.id, run.outcome, run.committed])).toEqual([
      ['b', 'interrupted', false],
      ['a', 'interrupted', true],
    ]);
  });
});

function baseRun(id: string) {
  return {
    id,
    trigger: 'manual' as const,
    startedAtMs: 0,
    durationMs: null,
    attempts: 1,
    status: null,
    errorKind: null,
    message: null,
    counts: null,
    committed: false,
    warnings: [],
  };
}
