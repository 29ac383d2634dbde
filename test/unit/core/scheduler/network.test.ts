import { describe, expect, it } from 'vitest';
import { createHarness, failure, HOUR, MINUTE, SETTLE_MS, started } from './harness.ts';

describe('resume from sleep', () => {
  it('syncs once after the network settles, then schedules from that run', async () => {
    const h = await started();
    await h.time.advance(5 * MINUTE);
    h.scheduler.resumedFromSleep();
    await h.time.advance(SETTLE_MS - 1);
    expect(h.runs).toHaveLength(1);
    await h.time.advance(1);
    expect(h.triggers()).toEqual(['startup', 'resume']);
    const resumedAt = h.runs[1]!.atMono;
    await h.time.advance(13.4 * MINUTE);
    expect(h.runs).toHaveLength(2);
    await h.time.advance(3.2 * MINUTE);
    expect(h.runs).toHaveLength(3);
    expect(h.runs[2]!.atMono - resumedAt).toBeGreaterThanOrEqual(13.5 * MINUTE);
  });

  it('waits for the network when it wakes offline', async () => {
    const h = await started();
    h.online = false;
    h.scheduler.resumedFromSleep();
    await h.time.advance(40 * MINUTE);
    expect(h.runs).toHaveLength(1);
    h.online = true;
    h.scheduler.wentOnline();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'resume']);
    await h.time.advance(10 * MINUTE);
    expect(h.runs).toHaveLength(2);
  });

  it('runs once more after a run that was going when the machine woke', async () => {
    const h = await started();
    h.holdRuns = true;
    void h.scheduler.requestSync('manual');
    h.scheduler.resumedFromSleep();
    h.scheduler.resumedFromSleep();
    await h.time.advance(MINUTE);
    expect(h.runs).toHaveLength(2);
    await h.finishRun(failure('network'));
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'manual', 'resume']);
  });
});

describe('offline and online', () => {
  it('runs nothing automatically while offline, then syncs soon once online', async () => {
    const h = await started();
    h.online = false;
    h.scheduler.wentOffline();
    await h.time.advance(2 * HOUR);
    expect(h.runs).toHaveLength(1);
    h.online = true;
    h.scheduler.wentOnline();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'online']);
    await h.time.advance(13 * MINUTE);
    expect(h.runs).toHaveLength(2);
  });

  it('retries soon on reconnecting after a network failure, instead of waiting the backoff', async () => {
    const h = createHarness({ intervalMinutes: 60 });
    h.outcomes.push(failure('network'), failure('network'), failure('network'));
    h.scheduler.start();
    await h.time.advance(3 * MINUTE);
    expect(h.scheduler.state().backoffMs).toBe(4 * MINUTE);
    h.scheduler.wentOnline();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'schedule', 'schedule', 'online']);
  });

  it('does nothing on reconnecting when nothing was missed', async () => {
    const h = await started();
    h.scheduler.wentOffline();
    h.scheduler.wentOnline();
    await h.time.advance(10 * MINUTE);
    expect(h.runs).toHaveLength(1);
  });

  it('reconnecting during a run retries only if that run failed for the network', async () => {
    for (const [result, expected] of [
      [failure('timeout'), 3],
      [failure('server'), 2],
      [{ ok: true } as const, 2],
    ] as const) {
      const h = await started();
      h.holdRuns = true;
      void h.scheduler.requestSync('manual');
      h.scheduler.wentOnline();
      await h.finishRun(result);
      await h.time.advance(SETTLE_MS);
      expect(h.runs).toHaveLength(expected);
    }
  });

  it('notices the network came back at the next due time even if no event says so', async () => {
    const h = await started();
    h.online = false;
    await h.time.advance(17 * MINUTE);
    expect(h.runs).toHaveLength(1);
    h.online = true;
    await h.time.advance(17 * MINUTE);
    expect(h.triggers()).toEqual(['startup', 'schedule']);
  });

  it('starts with the startup run once the network is there', async () => {
    const h = createHarness({ online: false });
    h.scheduler.start();
    await h.time.advance(HOUR);
    expect(h.runs).toHaveLength(0);
    h.online = true;
    h.scheduler.wentOnline();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup']);
  });

  it('runs a manual request even offline: the person asked', async () => {
    const h = await started({ online: false });
    await h.scheduler.requestSync('cli');
    expect(h.triggers()).toEqual(['cli']);
  });
});

describe('settings that change what is synced', () => {
  it.each(['contactGroupId', 'baseUrl', 'serverTimeZone'] as const)(
    'a %s change syncs once, soon',
    async (key) => {
      const h = await started();
      h.scheduler.settingsChanged([key, 'theme']);
      h.scheduler.settingsChanged([key]);
      await h.time.advance(SETTLE_MS);
      expect(h.triggers()).toEqual(['startup', 'settings']);
      await h.time.advance(10 * MINUTE);
      expect(h.runs).toHaveLength(2);
    },
  );

  it('a change during a run brings one more run after it', async () => {
    const h = await started();
    h.holdRuns = true;
    void h.scheduler.requestSync('manual');
    h.scheduler.settingsChanged(['contactGroupId']);
    await h.finishRun();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'manual', 'settings']);
  });
});
