import { describe, expect, it } from 'vitest';
import {
  limitManualSyncs,
  MANUAL_SYNC_COOLDOWN_MS,
} from '../../../../main/core/scheduler/manual-sync-limit.ts';
import type { SyncResult } from '../../../../main/core/scheduler/scheduler-types.ts';

/** A scheduler whose runs end when the test says, and a clock the test moves. */
function setup() {
  const time = { wall: 1_700_000_000_000, mono: 5_000 };
  const runs: ((result: SyncResult) => void)[] = [];
  const syncNow = limitManualSyncs({
    requestSync: () => new Promise<SyncResult>((resolve) => runs.push(resolve)),
    clock: { nowMs: () => time.wall, monotonicMs: () => time.mono },
  });
  const pass = (ms: number): void => {
    time.wall += ms;
    time.mono += ms;
  };
  return { time, runs, syncNow, pass };
}

describe('manual syncs from the window', () => {
  it('start one run for a loop of presses, which all get its answer', async () => {
    const { runs, syncNow } = setup();
    const answers = Array.from({ length: 50 }, () => syncNow());
    expect(runs).toHaveLength(1);
    runs[0]?.({ ok: true });
    expect(await Promise.all(answers)).toEqual(Array(50).fill({ ok: true }));
  });

  it('answer a new start within the cooldown "too soon", with when to try again', async () => {
    const { time, runs, syncNow, pass } = setup();
    const first = syncNow();
    pass(1_000);
    runs[0]?.({ ok: false, errorKind: 'network' });
    await first;
    pass(2_500);
    expect(await syncNow()).toEqual({
      ok: false,
      tooSoon: true,
      retryAtMs: time.wall + MANUAL_SYNC_COOLDOWN_MS - 3_500,
    });
    expect(runs).toHaveLength(1);

    pass(MANUAL_SYNC_COOLDOWN_MS - 3_500);
    const second = syncNow();
    expect(runs).toHaveLength(2);
    runs[1]?.({ ok: true });
    expect(await second).toEqual({ ok: true });
  });

  it('measure on the monotonic clock: setting the wall clock back does not lift the limit', async () => {
    const { time, runs, syncNow } = setup();
    const first = syncNow();
    runs[0]?.({ ok: true });
    await first;
    time.wall -= 24 * 60 * 60_000;
    expect(await syncNow()).toMatchObject({ ok: false, tooSoon: true });
    time.wall += 48 * 60 * 60_000;
    expect(await syncNow()).toMatchObject({ ok: false, tooSoon: true });
    expect(runs).toHaveLength(1);
  });

  it('let a run that outlasts the cooldown be followed at once', async () => {
    const { runs, syncNow, pass } = setup();
    const first = syncNow();
    pass(MANUAL_SYNC_COOLDOWN_MS + 1);
    expect(syncNow()).toBe(first);
    runs[0]?.({ ok: true });
    await first;
    void syncNow();
    expect(runs).toHaveLength(2);
  });
});
