import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { TokenStatus } from '../../../common/ipc/view-types.ts';
import type { SyncProgress, SyncRunRecord } from '../../../common/sync-types.ts';
import type { SchedulerState } from '../../../main/core/scheduler/scheduler-types.ts';
import { createAppStateHub } from '../../../main/desktop/services/app-state-hub.ts';
import { createSignal } from '../../../main/core/signal.ts';
import { syncRun } from '../tray/fixtures.ts';

const idle: SchedulerState = {
  running: false,
  nextRunAtMs: 1_000,
  paused: false,
  pausedUntilMs: null,
  pausedUntilResumed: false,
  blocked: null,
  backoffMs: 0,
  lastResult: null,
};

function setup() {
  let scheduler = idle;
  const schedulerListeners = new Set<(state: SchedulerState) => void>();
  const tokenListeners = new Set<(status: TokenStatus) => void>();
  let runs: SyncRunRecord[] = [];
  let engineRunning = false;
  let vault: TokenStatus = { present: true, backend: 'keychain', persistent: true };
  const errors: unknown[] = [];
  const progress = createSignal<SyncProgress>((error) => errors.push(error));
  const runFinished = createSignal<SyncRunRecord>((error) => errors.push(error));
  const hub = createAppStateHub({
    scheduler: {
      state: () => scheduler,
      onStateChange: (listener) => {
        schedulerListeners.add(listener);
        return () => schedulerListeners.delete(listener);
      },
    },
    engineRunning: () => engineRunning,
    history: { list: () => ({ runs: runs.slice(0, 1), total: runs.length }) },
    tokens: {
      status: () => Promise.resolve(vault),
      onChange: (listener) => {
        tokenListeners.add(listener);
        return () => tokenListeners.delete(listener);
      },
    },
    progress,
    runFinished,
    recoveries: [],
    initialToken: vault,
    initialOnline: true,
    onError: (error) => errors.push(error),
  });
  const heard: AppState[] = [];
  hub.subscribe((state) => heard.push(state));
  return {
    hub,
    heard,
    errors,
    progress,
    runFinished,
    setScheduler(next: Partial<SchedulerState>) {
      scheduler = { ...scheduler, ...next };
      for (const listener of schedulerListeners) listener(scheduler);
    },
    setRuns(next: SyncRunRecord[]) {
      runs = next;
    },
    setEngineRunning(value: boolean) {
      engineRunning = value;
    },
    setVault(next: TokenStatus) {
      vault = next;
    },
    changeToken(status: TokenStatus) {
      for (const listener of tokenListeners) listener(status);
    },
  };
}

describe('the app state hub', () => {
  it('puts the state together from the scheduler, the history and the token', () => {
    const t = setup();
    const run = syncRun();
    t.setRuns([run]);
    t.setScheduler({ paused: true, pausedUntilMs: 5_000, nextRunAtMs: 5_000 });
    expect(t.hub.state()).toEqual({
      lastRun: run,
      nextRunAtMs: 5_000,
      paused: { untilResumed: false, untilMs: 5_000 },
      blocked: null,
      online: true,
      syncing: false,
      storeRecoveries: [],
      token: { present: true, backend: 'keychain', persistent: true },
    });
    t.setScheduler({ pausedUntilResumed: true, pausedUntilMs: null });
    expect(t.hub.state().paused).toEqual({ untilResumed: true });
  });

  it('tells listeners only when something they would see changed', () => {
    const t = setup();
    t.setScheduler({ lastResult: { ok: true } }); // not part of the app state
    t.setScheduler({ backoffMs: 0 });
    expect(t.heard).toHaveLength(0);
    t.setScheduler({ blocked: 'auth' });
    t.setScheduler({ blocked: 'auth' });
    expect(t.heard.map((state) => state.blocked)).toEqual(['auth']);
  });

  it('shows a run from its first progress to its end, once per run', () => {
    const t = setup();
    const running = syncRun({ id: 'r1', outcome: 'running', durationMs: null, counts: null });
    t.setRuns([running]);
    t.setEngineRunning(true);
    const progress: SyncProgress = {
      runId: 'r1',
      phase: 'connecting',
      attempt: 1,
      bytesReceived: 0,
    };
    t.progress.emit(progress);
    t.progress.emit({ ...progress, phase: 'downloading', bytesReceived: 10 });
    expect(t.heard).toHaveLength(1);
    expect(t.heard[0]).toMatchObject({ syncing: true, lastRun: { id: 'r1', outcome: 'running' } });

    const done = { ...running, outcome: 'success' as const, durationMs: 20 };
    t.setRuns([done]);
    t.setEngineRunning(false);
    t.runFinished.emit(done);
    expect(t.heard.at(-1)).toMatchObject({ syncing: false, lastRun: { outcome: 'success' } });
  });

  it('follows the token and the network', async () => {
    const t = setup();
    t.changeToken({ present: false, backend: 'keychain', persistent: true });
    expect(t.hub.state().token.present).toBe(false);
    t.hub.setOnline(false);
    expect(t.heard.at(-1)).toMatchObject({ online: false, token: { present: false } });

    // A keychain that became unreadable shows at the next read, with what to do about it.
    t.setVault({
      present: false,
      backend: 'keychain',
      persistent: true,
      problem: { key: 'token.keychain.locked' },
    });
    await t.hub.refreshToken();
    expect(t.hub.state().token.problem).toEqual({ key: 'token.keychain.locked' });
  });

  it('sends no more than the contract’s token fields, whatever the vault reports', () => {
    const t = setup();
    t.changeToken({
      present: true,
      backend: 'memory',
      persistent: false,
      secret: 'x',
    } as TokenStatus);
    expect(Object.keys(t.hub.state().token).sort()).toEqual(['backend', 'persistent', 'present']);
  });

  it('keeps the last good state when the history cannot be read', () => {
    const t = setup();
    const before = t.hub.state();
    t.setRuns(null as unknown as SyncRunRecord[]);
    t.setScheduler({ blocked: 'input' });
    expect(t.hub.state()).toBe(before);
    expect(t.errors).toHaveLength(1);
  });
});
