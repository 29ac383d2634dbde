import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Timers } from '../../../../main/core/ports/clock.ts';
import { systemClock, systemTimers } from '../../../../main/core/ports/clock.ts';
import { createSyncScheduler } from '../../../../main/core/scheduler/sync-scheduler.ts';
import { createFakeTime } from './fake-time.ts';
import type { RunRecord } from './harness.ts';
import { createHarness, DAY, HOUR, MINUTE, OK, seededRandom, started } from './harness.ts';

function gaps(runs: readonly RunRecord[]): number[] {
  return runs.slice(1).map((run, index) => run.atMono - (runs[index] as RunRecord).atMono);
}

describe('the schedule', () => {
  it('syncs at startup, then every interval ±10%, drawing a new jitter for each wait', async () => {
    const h = await started({ seed: 42 });
    expect(h.triggers()).toEqual(['startup']);
    await h.time.advance(50 * HOUR);
    const waits = gaps(h.runs);
    expect(waits.length).toBeGreaterThan(180);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(13.5 * MINUTE);
      expect(wait).toBeLessThanOrEqual(16.5 * MINUTE);
    }
    expect(Math.min(...waits)).toBeLessThan(14 * MINUTE);
    expect(Math.max(...waits)).toBeGreaterThan(16 * MINUTE);
    expect(new Set(h.triggers().slice(1))).toEqual(new Set(['schedule']));
  });

  it('says when the next run comes, in wall time, and keeps its word', async () => {
    const h = await started({ seed: 7 });
    const next = h.scheduler.state().nextRunAtMs;
    expect(next).not.toBeNull();
    await h.time.advance(20 * MINUTE);
    expect(h.runs[1]?.atWall).toBe(next);
  });

  it('does not start a second run while the first is going', async () => {
    const h = createHarness({ intervalMinutes: 1 });
    h.holdRuns = true;
    h.scheduler.start();
    await h.time.advance(3 * HOUR);
    expect(h.runs).toHaveLength(1);
    expect(h.scheduler.state()).toMatchObject({ running: true, nextRunAtMs: null });
    await h.finishRun();
    expect(h.scheduler.state().running).toBe(false);
    await h.time.advance(66_000);
    expect(h.runs).toHaveLength(2);
  });

  it('measures a new interval from the last run, not from the change', async () => {
    const h = await started();
    const last = h.runs[0] as RunRecord;
    await h.time.advance(10 * MINUTE);
    h.intervalMinutes = 60;
    h.scheduler.settingsChanged(['syncIntervalMinutes']);
    await h.time.advance(2 * HOUR);
    const next = h.runs[1] as RunRecord;
    expect(next.trigger).toBe('schedule');
    expect(next.atMono - last.atMono).toBeGreaterThanOrEqual(54 * MINUTE);
    expect(next.atMono - last.atMono).toBeLessThanOrEqual(66 * MINUTE);
  });

  it('runs at once when a shorter interval is already overdue', async () => {
    const h = await started();
    await h.time.advance(10 * MINUTE);
    h.intervalMinutes = 5;
    h.scheduler.settingsChanged(['syncIntervalMinutes']);
    await h.time.advance(0);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
  });

  it('ignores settings that do not touch syncing', async () => {
    const h = await started();
    h.scheduler.settingsChanged(['theme', 'language', 'notifications']);
    await h.time.advance(10 * MINUTE);
    expect(h.triggers()).toEqual(['startup']);
  });
});

describe('clock changes', () => {
  for (const direction of [+1, -1]) {
    it(`neither floods nor starves when the wall clock jumps ${direction > 0 ? 'forward' : 'back'} by days`, async () => {
      const h = await started({ seed: 3 });
      for (let step = 0; step < 48; step++) {
        await h.time.advance(5 * MINUTE);
        h.time.jumpWall(direction * 3 * DAY);
      }
      const waits = gaps(h.runs);
      expect(h.runs.length).toBeGreaterThanOrEqual(1 + Math.floor((4 * HOUR) / (16.5 * MINUTE)));
      expect(h.runs.length).toBeLessThanOrEqual(1 + Math.ceil((4 * HOUR) / (13.5 * MINUTE)));
      for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(13.5 * MINUTE);
      for (const wait of waits) expect(wait).toBeLessThanOrEqual(16.5 * MINUTE);
      const { nextRunAtMs } = h.scheduler.state();
      expect(nextRunAtMs! - h.time.clock.nowMs()).toBeLessThanOrEqual(16.5 * MINUTE);
    });
  }

  it('runs once, not once per missed interval, when a timer fires hours late after sleep', async () => {
    const h = await started();
    await h.time.sleep(5 * HOUR, 5 * HOUR);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
    await h.time.advance(13 * MINUTE);
    expect(h.runs).toHaveLength(2);
  });

  it('does not run before time when a timer fires early', async () => {
    const time = createFakeTime();
    const hasty: Timers = {
      // Fires after a third of the delay, though never in under a millisecond (as Node's).
      setTimeout: (callback, ms) =>
        time.timers.setTimeout(callback, Math.max(1, Math.floor(ms / 3))),
      clearTimeout: (handle) => time.timers.clearTimeout(handle),
    };
    const starts: number[] = [];
    const scheduler = createSyncScheduler({
      clock: time.clock,
      timers: hasty,
      random: seededRandom(5),
      intervalMinutes: () => 15,
      isOnline: () => true,
      runSync: () => {
        starts.push(time.clock.monotonicMs());
        return Promise.resolve(OK);
      },
    });
    scheduler.start();
    await time.advance(3 * HOUR);
    expect(starts.length).toBeGreaterThanOrEqual(11);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(
        13.5 * MINUTE,
      );
    }
    await scheduler.stop();
  });
});

describe('stop', () => {
  it('leaves no timer behind and runs nothing afterwards', async () => {
    const h = await started();
    expect(h.time.pendingTimers()).toBe(1);
    await h.scheduler.stop();
    expect(h.time.pendingTimers()).toBe(0);
    h.scheduler.wentOnline();
    h.scheduler.resumedFromSleep();
    h.scheduler.settingsChanged(['contactGroupId']);
    await h.time.advance(DAY);
    expect(h.runs).toHaveLength(1);
    expect(h.time.pendingTimers()).toBe(0);
    expect(h.scheduler.state().nextRunAtMs).toBeNull();
  });

  it('waits for the run going, cancels the queued request, and refuses new ones', async () => {
    const h = await started();
    h.holdRuns = true;
    const first = h.scheduler.requestSync('manual');
    const queued = h.scheduler.requestSync('tray');
    let stopped = false;
    const stopping = h.scheduler.stop().then(() => (stopped = true));
    await h.time.advance(0);
    expect(stopped).toBe(false);
    await expect(queued).resolves.toEqual({ ok: false, errorKind: 'cancelled' });
    await h.finishRun(OK);
    await stopping;
    await expect(first).resolves.toEqual(OK);
    await expect(h.scheduler.requestSync('cli')).resolves.toEqual({
      ok: false,
      errorKind: 'cancelled',
    });
    expect(h.triggers()).toEqual(['startup', 'manual']);
    expect(h.time.pendingTimers()).toBe(0);
  });
});

describe('with Node timers (vi.useFakeTimers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the schedule through wall-clock jumps and leaves no timer after stop', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 6, 0) });
    const triggers: string[] = [];
    const scheduler = createSyncScheduler({
      clock: systemClock,
      timers: systemTimers,
      random: seededRandom(9),
      intervalMinutes: () => 10,
      isOnline: () => true,
      runSync: (trigger) => {
        triggers.push(trigger);
        return Promise.resolve(OK);
      },
    });
    scheduler.start();
    for (let step = 0; step < 12; step++) {
      await vi.advanceTimersByTimeAsync(10 * MINUTE);
      vi.setSystemTime(Date.now() + (step % 2 === 0 ? -5 : 5) * DAY);
    }
    // 120 min at 9..11 min per wait: 10 to 13 scheduled runs after the startup one.
    expect(triggers[0]).toBe('startup');
    expect(triggers.length - 1).toBeGreaterThanOrEqual(10);
    expect(triggers.length - 1).toBeLessThanOrEqual(13);
    expect(vi.getTimerCount()).toBe(1);
    await scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
