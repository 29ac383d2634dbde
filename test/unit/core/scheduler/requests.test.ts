import { describe, expect, it } from 'vitest';
import type { SchedulerState } from '../../../../main/core/scheduler/scheduler-types.ts';
import { createHarness, failure, MINUTE, OK, SETTLE_MS, started } from './harness.ts';

describe('requestSync', () => {
  it('runs at once with the trigger given and answers with the result', async () => {
    const h = await started();
    h.outcomes.push(failure('server'));
    await expect(h.scheduler.requestSync('tray')).resolves.toEqual(failure('server'));
    expect(h.triggers()).toEqual(['startup', 'tray']);
  });

  it('during a run: all requests share exactly one more run, and get its result', async () => {
    const h = await started();
    h.holdRuns = true;
    const going = h.scheduler.requestSync('manual');
    const later = [
      h.scheduler.requestSync('tray'),
      h.scheduler.requestSync('cli'),
      h.scheduler.requestSync('manual'),
    ];
    await h.finishRun(failure('network'));
    await expect(going).resolves.toEqual(failure('network'));
    expect(h.triggers()).toEqual(['startup', 'manual', 'tray']);
    await h.finishRun(OK);
    for (const request of later) await expect(request).resolves.toEqual(OK);
    await h.time.advance(10 * MINUTE);
    expect(h.runs).toHaveLength(3);
  });

  it('a request during the follow-up run gets a run of its own', async () => {
    const h = await started();
    h.holdRuns = true;
    void h.scheduler.requestSync('manual');
    void h.scheduler.requestSync('tray');
    await h.finishRun();
    const third = h.scheduler.requestSync('cli');
    await h.finishRun();
    expect(h.triggers()).toEqual(['startup', 'manual', 'tray', 'cli']);
    await h.finishRun(failure('timeout'));
    await expect(third).resolves.toEqual(failure('timeout'));
  });

  it('stands in for an automatic run that was about to start', async () => {
    const h = await started();
    h.scheduler.settingsChanged(['contactGroupId']);
    await h.scheduler.requestSync('manual');
    await h.time.advance(SETTLE_MS + MINUTE);
    expect(h.triggers()).toEqual(['startup', 'manual']);
  });

  it('restarts the interval from the manual run', async () => {
    const h = await started();
    await h.time.advance(10 * MINUTE);
    await h.scheduler.requestSync('manual');
    await h.time.advance(13 * MINUTE);
    expect(h.runs).toHaveLength(2);
    await h.time.advance(4 * MINUTE);
    expect(h.triggers()).toEqual(['startup', 'manual', 'schedule']);
  });

  it('runs before start too, without starting the schedule', async () => {
    const h = createHarness();
    await h.scheduler.requestSync('cli');
    await h.time.advance(60 * MINUTE);
    expect(h.triggers()).toEqual(['cli']);
    expect(h.time.pendingTimers()).toBe(0);
  });
});

describe('state changes', () => {
  it('tells listeners what changed, only when it changed, until they unsubscribe', async () => {
    const h = await started();
    const seen: SchedulerState[] = [];
    const unsubscribe = h.scheduler.onStateChange((state) => seen.push(state));
    h.scheduler.wentOffline(); // nothing a listener could see changes
    h.holdRuns = true;
    void h.scheduler.requestSync('manual');
    expect(seen.at(-1)).toMatchObject({ running: true, nextRunAtMs: null });
    await h.finishRun(failure('auth'));
    expect(seen.at(-1)).toMatchObject({
      running: false,
      blocked: 'auth',
      lastResult: failure('auth'),
      nextRunAtMs: null,
    });
    expect(seen).toHaveLength(2);
    unsubscribe();
    h.scheduler.tokenChanged();
    expect(seen).toHaveLength(2);
  });

  it('a listener that throws is reported and the others still hear', async () => {
    const h = await started();
    const heard: boolean[] = [];
    h.scheduler.onStateChange(() => {
      throw new Error('listener broke');
    });
    h.scheduler.onStateChange((state) => heard.push(state.paused));
    h.scheduler.pause({ untilResumed: true });
    expect(heard).toEqual([true]);
    expect(h.errors).toHaveLength(1);
  });
});
