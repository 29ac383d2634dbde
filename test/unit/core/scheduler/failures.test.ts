import { describe, expect, it } from 'vitest';
import type { RunRecord } from './harness.ts';
import { createHarness, DAY, failure, HOUR, MINUTE, OK, SETTLE_MS, started } from './harness.ts';

function waitsInMinutes(runs: readonly RunRecord[]): number[] {
  return runs.slice(1).map((run, i) => (run.atMono - (runs[i] as RunRecord).atMono) / MINUTE);
}

describe('backoff', () => {
  it('retries after 1, 2, 4, 8 minutes, then every interval, and shows the wait', async () => {
    const h = createHarness();
    h.outcomes.push(...Array.from({ length: 7 }, () => failure('network')));
    h.scheduler.start();
    await h.time.advance(0);
    expect(h.scheduler.state().backoffMs).toBe(MINUTE);
    await h.time.advance(1 * MINUTE + 2 * MINUTE + 4 * MINUTE);
    expect(h.scheduler.state().backoffMs).toBe(8 * MINUTE);
    await h.time.advance(8 * MINUTE + 15 * MINUTE + 15 * MINUTE);
    expect(waitsInMinutes(h.runs)).toEqual([1, 2, 4, 8, 15, 15]);
    expect(h.triggers().slice(1)).toEqual(Array(6).fill('schedule'));
  });

  it('caps at a short interval', async () => {
    const h = createHarness({ intervalMinutes: 5 });
    h.outcomes.push(...Array.from({ length: 6 }, () => failure('server')));
    h.scheduler.start();
    await h.time.advance(1 + 2 + 4 + 5 + 5 + 5);
    await h.time.advance(22 * MINUTE);
    expect(waitsInMinutes(h.runs).slice(0, 5)).toEqual([1, 2, 4, 5, 5]);
  });

  it('resets after a success: the next wait is the jittered interval again', async () => {
    const h = createHarness();
    h.outcomes.push(failure('timeout'), failure('timeout'), failure('timeout'), OK);
    h.scheduler.start();
    await h.time.advance(1 * MINUTE + 2 * MINUTE + 4 * MINUTE);
    expect(h.scheduler.state()).toMatchObject({ backoffMs: 0, lastResult: OK });
    await h.time.advance(17 * MINUTE);
    const waits = waitsInMinutes(h.runs);
    expect(waits.slice(0, 3)).toEqual([1, 2, 4]);
    expect(waits[3]).toBeGreaterThanOrEqual(13.5);
    expect(waits[3]).toBeLessThanOrEqual(16.5);
    // A later failure starts again from one minute.
    h.outcomes.push(failure('network'));
    await h.time.advance(20 * MINUTE);
    expect(waitsInMinutes(h.runs).at(-1)).toBe(1);
  });

  it('waits at least as long as Retry-After, even past the interval', async () => {
    const h = createHarness();
    h.outcomes.push(failure('rate-limit', 40 * MINUTE), failure('rate-limit', 30_000));
    h.scheduler.start();
    await h.time.advance(0);
    expect(h.scheduler.state().backoffMs).toBe(40 * MINUTE);
    await h.time.advance(39 * MINUTE);
    expect(h.runs).toHaveLength(1);
    await h.time.advance(1 * MINUTE);
    expect(h.runs).toHaveLength(2);
    // A Retry-After shorter than the backoff does not shorten it.
    await h.time.advance(2 * MINUTE);
    expect(waitsInMinutes(h.runs)).toEqual([40, 2]);
  });

  it('does not count a cancelled run as a failure', async () => {
    const h = createHarness();
    h.outcomes.push(failure('network'), failure('cancelled'));
    h.scheduler.start();
    await h.time.advance(MINUTE);
    expect(h.scheduler.state().backoffMs).toBe(MINUTE);
    expect(h.runs).toHaveLength(2);
  });

  it('treats a run that throws as a failure, reports it, and still answers the request', async () => {
    const h = await started();
    const boom = new Error('engine exploded');
    h.outcomes.push(Promise.reject(boom) as never);
    await expect(h.scheduler.requestSync('manual')).resolves.toEqual(failure('unknown'));
    expect(h.errors).toEqual([boom]);
    expect(h.scheduler.state().backoffMs).toBe(MINUTE);
  });
});

describe('blocked by auth or input failures', () => {
  it('stops automatic syncs after an auth failure until the token changes', async () => {
    const h = createHarness();
    h.outcomes.push(failure('auth'));
    h.scheduler.start();
    await h.time.advance(2 * DAY);
    expect(h.triggers()).toEqual(['startup']);
    expect(h.scheduler.state()).toMatchObject({ blocked: 'auth', nextRunAtMs: null });
    expect(h.time.pendingTimers()).toBe(0);

    h.scheduler.wentOnline();
    h.scheduler.resumedFromSleep();
    h.scheduler.settingsChanged(['contactGroupId', 'serverTimeZone']);
    await h.time.advance(HOUR);
    expect(h.runs).toHaveLength(1);

    h.scheduler.tokenChanged();
    expect(h.scheduler.state().blocked).toBeNull();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'settings']);
    await h.time.advance(17 * MINUTE);
    expect(h.triggers()).toEqual(['startup', 'settings', 'schedule']);
  });

  it('stops after an input failure; the token does not unblock it, the group does', async () => {
    const h = createHarness();
    h.outcomes.push(failure('input'));
    h.scheduler.start();
    await h.time.advance(0);
    h.scheduler.tokenChanged();
    h.scheduler.settingsChanged(['serverTimeZone']);
    await h.time.advance(HOUR);
    expect(h.scheduler.state().blocked).toBe('input');
    expect(h.runs).toHaveLength(1);
    h.scheduler.settingsChanged(['contactGroupId']);
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'settings']);
    expect(h.scheduler.state().blocked).toBeNull();
  });

  it('a base URL change unblocks both kinds', async () => {
    for (const kind of ['auth', 'input'] as const) {
      const h = createHarness();
      h.outcomes.push(failure(kind));
      h.scheduler.start();
      await h.time.advance(0);
      h.scheduler.settingsChanged(['baseUrl']);
      await h.time.advance(SETTLE_MS);
      expect(h.triggers()).toEqual(['startup', 'settings']);
    }
  });

  it('still runs manual requests, and a successful one unblocks', async () => {
    const h = createHarness();
    h.outcomes.push(failure('auth'), failure('auth'));
    h.scheduler.start();
    await h.time.advance(0);
    await expect(h.scheduler.requestSync('tray')).resolves.toEqual(failure('auth'));
    expect(h.scheduler.state().blocked).toBe('auth');
    await expect(h.scheduler.requestSync('manual')).resolves.toEqual(OK);
    expect(h.scheduler.state().blocked).toBeNull();
    await h.time.advance(17 * MINUTE);
    expect(h.triggers()).toEqual(['startup', 'tray', 'manual', 'schedule']);
  });

  it('does not block on a failure when the user fixed the setting while that run was going', async () => {
    const h = await started();
    h.holdRuns = true;
    void h.scheduler.requestSync('manual');
    h.scheduler.settingsChanged(['contactGroupId']);
    await h.finishRun(failure('input'));
    expect(h.scheduler.state().blocked).toBeNull();
    await h.time.advance(SETTLE_MS);
    expect(h.triggers()).toEqual(['startup', 'manual', 'settings']);
    await h.finishRun(failure('input'));
    expect(h.scheduler.state().blocked).toBe('input');
  });
});
