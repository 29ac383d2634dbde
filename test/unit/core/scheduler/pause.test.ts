import { describe, expect, it } from 'vitest';
import type { LocalTime } from '../../../../main/core/scheduler/local-time.ts';
import { createHarness, DAY, HOUR, MINUTE, SETTLE_MS, started } from './harness.ts';

/** Tehran (UTC+03:30, no daylight saving since 2022), so the test does not depend on the machine. */
const TEHRAN_OFFSET = 3.5 * HOUR;
const tehranTime: LocalTime = {
  tomorrowAt(nowMs, hour, minute) {
    const today = Math.floor((nowMs + TEHRAN_OFFSET) / DAY);
    return (today + 1) * DAY + hour * HOUR + minute * MINUTE - TEHRAN_OFFSET;
  },
};
const tehran = (y: number, m: number, d: number, h: number, min: number): number =>
  Date.UTC(y, m - 1, d, h, min) - TEHRAN_OFFSET;

describe('pause for a while', () => {
  it('runs nothing during the pause, syncs once when it ends, then keeps the schedule', async () => {
    const h = await started();
    h.scheduler.pause({ for: 2 * HOUR });
    const pausedAt = h.time.clock.nowMs();
    expect(h.scheduler.state()).toMatchObject({
      paused: true,
      pausedUntilMs: pausedAt + 2 * HOUR,
      pausedUntilResumed: false,
      nextRunAtMs: pausedAt + 2 * HOUR,
    });
    await h.time.advance(2 * HOUR - 1);
    expect(h.triggers()).toEqual(['startup']);
    await h.time.advance(1);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
    expect(h.scheduler.state()).toMatchObject({ paused: false, pausedUntilMs: null });
    await h.time.advance(16.5 * MINUTE);
    expect(h.triggers()).toEqual(['startup', 'schedule', 'schedule']);
  });

  it('is not stretched when the wall clock is set back by days', async () => {
    const h = await started();
    h.scheduler.pause({ for: HOUR });
    h.time.jumpWall(-3 * DAY);
    await h.time.advance(HOUR);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
  });

  it('ignores what would otherwise start a sync, but not a person asking', async () => {
    const h = await started();
    h.scheduler.pause({ for: 3 * HOUR });
    h.scheduler.settingsChanged(['contactGroupId']);
    h.scheduler.tokenChanged();
    h.scheduler.wentOnline();
    h.scheduler.resumedFromSleep();
    await h.time.advance(HOUR);
    expect(h.triggers()).toEqual(['startup']);
    await h.scheduler.requestSync('tray');
    expect(h.triggers()).toEqual(['startup', 'tray']);
    expect(h.scheduler.state().paused).toBe(true);
    await h.time.advance(HOUR);
    expect(h.runs).toHaveLength(2);
  });

  it('refuses a length or a time of day the UI should not have sent, keeping the state', async () => {
    const h = await started();
    for (const bad of [{ for: 0 }, { for: -5 }, { for: Number.NaN }, { untilTomorrowAt: '8am' }]) {
      expect(() => h.scheduler.pause(bad)).toThrow(RangeError);
    }
    expect(h.scheduler.state().paused).toBe(false);
  });
});

describe('pause until tomorrow', () => {
  it('ends at 08:00 on the next calendar day, across the date boundary', async () => {
    const h = await started({ localTime: tehranTime, startWallMs: tehran(2026, 3, 20, 23, 30) });
    h.scheduler.pause({ untilTomorrowAt: '08:00' });
    expect(h.scheduler.state().pausedUntilMs).toBe(tehran(2026, 3, 21, 8, 0));
    await h.time.advance(8.5 * HOUR - MINUTE);
    expect(h.runs).toHaveLength(1);
    await h.time.advance(MINUTE);
    expect(h.runs).toHaveLength(2);
    expect(h.runs[1]?.atWall).toBe(tehran(2026, 3, 21, 8, 0));
  });

  it('has ended when the machine wakes at 09:00 after sleeping with its monotonic clock stopped', async () => {
    const h = await started({ localTime: tehranTime, startWallMs: tehran(2026, 11, 27, 18, 0) });
    h.scheduler.pause({ untilTomorrowAt: '08:00' });
    await h.time.sleep(15 * HOUR, 0);
    expect(h.runs).toHaveLength(1);
    h.scheduler.resumedFromSleep();
    expect(h.scheduler.state().paused).toBe(false);
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'resume']);
  });
});

describe('pause until resumed', () => {
  it('runs nothing and keeps no timer until resumed, then catches up at once', async () => {
    const h = await started();
    h.scheduler.pause({ untilResumed: true });
    expect(h.scheduler.state()).toMatchObject({
      paused: true,
      pausedUntilMs: null,
      pausedUntilResumed: true,
      nextRunAtMs: null,
    });
    expect(h.time.pendingTimers()).toBe(0);
    await h.time.advance(3 * DAY);
    expect(h.runs).toHaveLength(1);
    h.scheduler.resume();
    await h.time.advance(0);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
  });

  it('keeps the schedule when resumed before anything fell due', async () => {
    const h = await started();
    const next = h.scheduler.state().nextRunAtMs;
    h.scheduler.pause({ untilResumed: true });
    await h.time.advance(5 * MINUTE);
    h.scheduler.resume();
    expect(h.scheduler.state().nextRunAtMs).toBe(next);
    await h.time.advance(5 * MINUTE);
    expect(h.runs).toHaveLength(1);
  });

  it('skips the startup run when paused before start, and replaces an earlier pause', async () => {
    const h = createHarness();
    h.scheduler.pause({ for: HOUR });
    h.scheduler.pause({ untilResumed: true });
    h.scheduler.start();
    await h.time.advance(2 * HOUR);
    expect(h.runs).toHaveLength(0);
  });
});
