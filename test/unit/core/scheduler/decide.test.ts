import { describe, expect, it } from 'vitest';
import type { PauseWindow } from '../../../../main/core/scheduler/pause-window.ts';
import type {
  Decision,
  Now,
  PolicyState,
  SchedulerEvent,
} from '../../../../main/core/scheduler/policy-types.ts';
import {
  initialPolicyState,
  withNextJitter,
} from '../../../../main/core/scheduler/policy-types.ts';
import { decide, schedulerView, wakeAt } from '../../../../main/core/scheduler/scheduler-policy.ts';
import { failure, HOUR, MINUTE, OK, SETTLE_MS } from './harness.ts';

const M = 5_000_000;
const NOW: Now = {
  monoMs: M,
  wallMs: Date.UTC(2026, 10, 27, 6, 0),
  online: true,
  intervalMs: 15 * MINUTE,
  running: false,
  busy: false,
};
const UNSTARTED = initialPolicyState({
  monoMs: M - 5 * MINUTE,
  settleMs: SETTLE_MS,
  jitter: 1,
  nextJitter: 1.05,
});
/** Started, the last run ended 5 minutes ago, and its wait is exactly the 15-minute interval. */
const IDLE: PolicyState = { ...UNSTARTED, started: true };
const NEXT_SCHEDULED = M + 10 * MINUTE;
/** The wait begun now, with the jitter drawn ahead (1.05 × 15 min). */
const FRESH_WAIT = M + Math.round(15 * MINUTE * 1.05);
const HOUR_PAUSE: PauseWindow = {
  untilResumed: false,
  untilWallMs: NOW.wallMs + HOUR,
  untilMonoMs: M + HOUR,
};
const OVER_PAUSE: PauseWindow = {
  untilResumed: false,
  untilWallMs: NOW.wallMs - 1,
  untilMonoMs: M + HOUR,
};
const BUSY: Now = { ...NOW, running: true, busy: true };

/** A wait begun now: the interval measured from now, with the jitter drawn ahead. */
function rebased(state: PolicyState): PolicyState {
  return { ...state, baseMono: M, jitter: IDLE.nextJitter };
}

interface Row {
  readonly name: string;
  readonly state: PolicyState;
  readonly event: SchedulerEvent;
  readonly now?: Now;
  readonly decision: Decision;
}

function table(rows: readonly Row[]): void {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    expect(decide(row.state, row.event, row.now ?? NOW)).toEqual(row.decision);
  });
}

describe('decide', () => {
  describe('start', () => {
    table([
      {
        name: 'wants the startup run at once and begins the first wait',
        state: UNSTARTED,
        event: { kind: 'start' },
        decision: {
          state: rebased({ ...IDLE, wanted: { trigger: 'startup', atMono: M } }),
          wakeAt: M,
          drawJitter: true,
        },
      },
      {
        name: 'when paused, wants no startup run and wakes at the pause end',
        state: { ...UNSTARTED, pause: HOUR_PAUSE },
        event: { kind: 'start' },
        decision: {
          state: rebased({ ...IDLE, pause: HOUR_PAUSE }),
          wakeAt: M + HOUR,
          drawJitter: true,
        },
      },
      {
        name: 'replaces what was wanted before start with the startup run',
        state: { ...UNSTARTED, wanted: { trigger: 'settings', atMono: M + SETTLE_MS } },
        event: { kind: 'start' },
        decision: {
          state: rebased({ ...IDLE, wanted: { trigger: 'startup', atMono: M } }),
          wakeAt: M,
          drawJitter: true,
        },
      },
      {
        name: 'a second start does nothing',
        state: IDLE,
        event: { kind: 'start' },
        decision: { state: IDLE },
      },
    ]);
  });

  describe('stop', () => {
    const wanting: PolicyState = { ...IDLE, wanted: { trigger: 'resume', atMono: M } };
    table([
      {
        name: 'forgets what was wanted, clears the timer and drops queued requests',
        state: wanting,
        event: { kind: 'stop' },
        decision: {
          state: { ...wanting, stopped: true, wanted: null },
          wakeAt: null,
          dropQueued: true,
        },
      },
      {
        name: 'is final: a stopped scheduler ignores what would start or arm anything',
        state: { ...IDLE, stopped: true },
        event: { kind: 'went-online' },
        decision: { state: { ...IDLE, stopped: true } },
      },
      {
        name: 'still records how the run in flight ended, arming nothing',
        state: { ...IDLE, stopped: true },
        event: { kind: 'run-ended', result: OK },
        decision: {
          state: rebased({ ...IDLE, stopped: true, lastResult: OK }),
          wakeAt: null,
          drawJitter: true,
        },
      },
    ]);
  });

  describe('timer', () => {
    const due: PolicyState = { ...IDLE, baseMono: M - 15 * MINUTE };
    table([
      {
        name: 'starts the scheduled run when the wait is over',
        state: due,
        event: { kind: 'timer' },
        decision: { state: due, start: 'schedule' },
      },
      {
        name: 'fired early: waits for the rest',
        state: IDLE,
        event: { kind: 'timer' },
        decision: { state: IDLE, wakeAt: NEXT_SCHEDULED },
      },
      {
        name: 'offline when due: notes the missed run and waits one more interval',
        state: due,
        event: { kind: 'timer' },
        now: { ...NOW, online: false },
        decision: {
          state: rebased({ ...due, missedWhileOffline: true }),
          wakeAt: FRESH_WAIT,
          drawJitter: true,
        },
      },
      {
        name: 'starts a wanted run that has come due, with its reason',
        state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } },
        event: { kind: 'timer' },
        decision: { state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } }, start: 'resume' },
      },
      {
        name: 'while a run is going or queued, does nothing',
        state: due,
        event: { kind: 'timer' },
        now: BUSY,
        decision: { state: due },
      },
      {
        name: 'ends a pause that is over (by the wall clock) with one run',
        state: { ...IDLE, pause: OVER_PAUSE },
        event: { kind: 'timer' },
        decision: {
          state: { ...IDLE, wanted: { trigger: 'schedule', atMono: M } },
          start: 'schedule',
        },
      },
      {
        name: 'blocked: arms nothing',
        state: { ...due, blocked: 'auth' },
        event: { kind: 'timer' },
        decision: { state: { ...due, blocked: 'auth' }, wakeAt: null },
      },
    ]);
  });

  describe('run-started', () => {
    const before: PolicyState = {
      ...IDLE,
      wanted: { trigger: 'online', atMono: M },
      missedWhileOffline: true,
      epochs: { auth: 2, input: 1 },
    };
    table([
      {
        name: 'the run delivers whatever was wanted, and remembers the epochs it started with',
        state: before,
        event: { kind: 'run-started' },
        now: BUSY,
        decision: {
          state: {
            ...before,
            wanted: null,
            missedWhileOffline: false,
            runEpochs: { auth: 2, input: 1 },
          },
          wakeAt: null,
        },
      },
    ]);
  });

  describe('run-ended', () => {
    const failing: PolicyState = { ...IDLE, failures: 3, retryAfterMs: 0, blocked: 'input' };
    const wantingOnline: PolicyState = { ...IDLE, wanted: { trigger: 'online', atMono: M } };
    table([
      {
        name: 'a success resets the backoff, unblocks, and waits the jittered interval',
        state: { ...failing, wanted: { trigger: 'online', atMono: M } },
        event: { kind: 'run-ended', result: OK },
        decision: {
          state: rebased({ ...IDLE, lastResult: OK }),
          wakeAt: FRESH_WAIT,
          drawJitter: true,
        },
      },
      {
        name: 'a network failure backs off one minute',
        state: IDLE,
        event: { kind: 'run-ended', result: failure('network') },
        decision: {
          state: rebased({ ...IDLE, failures: 1, lastResult: failure('network') }),
          wakeAt: M + MINUTE,
          drawJitter: true,
        },
      },
      {
        name: 'a Retry-After longer than the backoff is waited out',
        state: IDLE,
        event: { kind: 'run-ended', result: failure('rate-limit', 40 * MINUTE) },
        decision: {
          state: rebased({
            ...IDLE,
            failures: 1,
            retryAfterMs: 40 * MINUTE,
            lastResult: failure('rate-limit', 40 * MINUTE),
          }),
          wakeAt: M + 40 * MINUTE,
          drawJitter: true,
        },
      },
      {
        name: 'an auth failure blocks when nothing it depends on changed during the run',
        state: wantingOnline,
        event: { kind: 'run-ended', result: failure('auth') },
        decision: {
          state: rebased({ ...IDLE, blocked: 'auth', lastResult: failure('auth') }),
          wakeAt: null,
          drawJitter: true,
        },
      },
      {
        name: 'an input failure does not block when the group changed during the run',
        state: { ...IDLE, epochs: { auth: 0, input: 1 } },
        event: { kind: 'run-ended', result: failure('input') },
        decision: {
          state: rebased({ ...IDLE, epochs: { auth: 0, input: 1 }, lastResult: failure('input') }),
          wakeAt: FRESH_WAIT,
          drawJitter: true,
        },
      },
      {
        name: 'a cancelled run is no failure',
        state: { ...IDLE, failures: 1 },
        event: { kind: 'run-ended', result: failure('cancelled') },
        decision: {
          state: rebased({ ...IDLE, failures: 1, lastResult: failure('cancelled') }),
          wakeAt: M + MINUTE,
          drawJitter: true,
        },
      },
      {
        name: 'a failure that is not the network drops a wanted reconnect run',
        state: wantingOnline,
        event: { kind: 'run-ended', result: failure('server') },
        decision: {
          state: rebased({ ...IDLE, failures: 1, lastResult: failure('server') }),
          wakeAt: M + MINUTE,
          drawJitter: true,
        },
      },
      {
        name: 'a network failure keeps a wanted reconnect run',
        state: wantingOnline,
        event: { kind: 'run-ended', result: failure('timeout') },
        decision: {
          state: rebased({ ...wantingOnline, failures: 1, lastResult: failure('timeout') }),
          wakeAt: M,
          drawJitter: true,
        },
      },
    ]);
  });

  describe('pause and resume', () => {
    const wanting: PolicyState = {
      ...IDLE,
      wanted: { trigger: 'settings', atMono: M + SETTLE_MS },
      missedWhileOffline: true,
    };
    table([
      {
        name: 'a pause drops what was wanted (its end brings a run) and wakes at its end',
        state: wanting,
        event: { kind: 'pause', window: HOUR_PAUSE },
        decision: { state: { ...IDLE, pause: HOUR_PAUSE }, wakeAt: M + HOUR },
      },
      {
        name: 'a pause until resumed keeps no timer',
        state: IDLE,
        event: {
          kind: 'pause',
          window: { untilResumed: true, untilWallMs: null, untilMonoMs: null },
        },
        decision: {
          state: { ...IDLE, pause: { untilResumed: true, untilWallMs: null, untilMonoMs: null } },
          wakeAt: null,
        },
      },
      {
        name: 'resume ends the pause and keeps the schedule',
        state: { ...IDLE, pause: HOUR_PAUSE },
        event: { kind: 'resume' },
        decision: { state: IDLE, wakeAt: NEXT_SCHEDULED },
      },
      {
        name: 'resume when not paused does nothing',
        state: IDLE,
        event: { kind: 'resume' },
        decision: { state: IDLE },
      },
    ]);
  });

  describe('resumed-from-sleep', () => {
    table([
      {
        name: 'wants a run once the network settled',
        state: IDLE,
        event: { kind: 'resumed-from-sleep' },
        decision: {
          state: { ...IDLE, wanted: { trigger: 'resume', atMono: M + SETTLE_MS } },
          wakeAt: M + SETTLE_MS,
        },
      },
      {
        name: 'ends a pause that ran out during sleep; the pause end’s run is due at once',
        state: { ...IDLE, pause: OVER_PAUSE },
        event: { kind: 'resumed-from-sleep' },
        decision: { state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } }, wakeAt: M },
      },
      {
        name: 'paused: wants nothing',
        state: { ...IDLE, pause: HOUR_PAUSE },
        event: { kind: 'resumed-from-sleep' },
        decision: { state: { ...IDLE, pause: HOUR_PAUSE }, wakeAt: M + HOUR },
      },
    ]);
  });

  describe('went-online and went-offline', () => {
    const settled = M + SETTLE_MS;
    table([
      {
        name: 'online after a run was missed offline: wants one once settled',
        state: { ...IDLE, missedWhileOffline: true },
        event: { kind: 'went-online' },
        decision: {
          state: {
            ...IDLE,
            missedWhileOffline: true,
            wanted: { trigger: 'online', atMono: settled },
          },
          wakeAt: settled,
        },
      },
      {
        name: 'online after a network failure: wants one once settled',
        state: { ...IDLE, failures: 1, lastResult: failure('network') },
        event: { kind: 'went-online' },
        decision: {
          state: {
            ...IDLE,
            failures: 1,
            lastResult: failure('network'),
            wanted: { trigger: 'online', atMono: settled },
          },
          wakeAt: settled,
        },
      },
      {
        name: 'online during a run: wants one, for the run’s end to keep or drop',
        state: IDLE,
        event: { kind: 'went-online' },
        now: BUSY,
        decision: {
          state: { ...IDLE, wanted: { trigger: 'online', atMono: settled } },
          wakeAt: null,
        },
      },
      {
        name: 'online with nothing missed: keeps the schedule',
        state: IDLE,
        event: { kind: 'went-online' },
        decision: { state: IDLE, wakeAt: NEXT_SCHEDULED },
      },
      {
        name: 'online postpones a wanted run until the network settled',
        state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } },
        event: { kind: 'went-online' },
        decision: {
          state: { ...IDLE, wanted: { trigger: 'resume', atMono: settled } },
          wakeAt: settled,
        },
      },
      {
        name: 'offline: a wanted run waits, the interval still wakes the timer',
        state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } },
        event: { kind: 'went-offline' },
        now: { ...NOW, online: false },
        decision: {
          state: { ...IDLE, wanted: { trigger: 'resume', atMono: M } },
          wakeAt: NEXT_SCHEDULED,
        },
      },
    ]);
  });

  describe('token-changed and settings-changed', () => {
    const soon = { trigger: 'settings', atMono: M + SETTLE_MS } as const;
    table([
      {
        name: 'a new token unblocks an auth block and wants a run',
        state: { ...IDLE, blocked: 'auth' },
        event: { kind: 'token-changed' },
        decision: {
          state: { ...IDLE, epochs: { auth: 1, input: 0 }, wanted: soon },
          wakeAt: soon.atMono,
        },
      },
      {
        name: 'a new token does not lift an input block',
        state: { ...IDLE, blocked: 'input' },
        event: { kind: 'token-changed' },
        decision: {
          state: { ...IDLE, blocked: 'input', epochs: { auth: 1, input: 0 } },
          wakeAt: null,
        },
      },
      {
        name: 'a base URL change unblocks both kinds and wants a run',
        state: { ...IDLE, blocked: 'input' },
        event: { kind: 'settings-changed', keys: ['baseUrl'] },
        decision: {
          state: { ...IDLE, epochs: { auth: 1, input: 1 }, wanted: soon },
          wakeAt: soon.atMono,
        },
      },
      {
        name: 'a group change lifts an input block, not an auth one',
        state: { ...IDLE, blocked: 'auth' },
        event: { kind: 'settings-changed', keys: ['contactGroupId'] },
        decision: {
          state: { ...IDLE, blocked: 'auth', epochs: { auth: 0, input: 1 } },
          wakeAt: null,
        },
      },
      {
        name: 'a time zone change wants a run',
        state: IDLE,
        event: { kind: 'settings-changed', keys: ['serverTimeZone', 'theme'] },
        decision: { state: { ...IDLE, wanted: soon }, wakeAt: soon.atMono },
      },
      {
        name: 'settings that do not touch syncing change nothing',
        state: IDLE,
        event: { kind: 'settings-changed', keys: ['theme', 'language'] },
        decision: { state: IDLE, wakeAt: NEXT_SCHEDULED },
      },
      {
        name: 'a new interval is measured from the end of the last run',
        state: IDLE,
        event: { kind: 'settings-changed', keys: ['syncIntervalMinutes'] },
        now: { ...NOW, intervalMs: 60 * MINUTE },
        decision: { state: IDLE, wakeAt: M - 5 * MINUTE + 60 * MINUTE },
      },
    ]);
  });
});

describe('wakeAt and schedulerView', () => {
  it('say nothing will come before start, after stop and while a run is going', () => {
    expect(wakeAt(UNSTARTED, NOW)).toBeNull();
    expect(wakeAt({ ...IDLE, stopped: true }, NOW)).toBeNull();
    expect(wakeAt(IDLE, BUSY)).toBeNull();
    expect(schedulerView(IDLE, BUSY)).toMatchObject({ running: true, nextRunAtMs: null });
  });

  it('show the next run and a pause in wall time, and the backoff of the last failure', () => {
    expect(schedulerView(IDLE, NOW)).toMatchObject({
      nextRunAtMs: NOW.wallMs + 10 * MINUTE,
      paused: false,
      pausedUntilMs: null,
      backoffMs: 0,
    });
    expect(schedulerView({ ...IDLE, pause: HOUR_PAUSE }, NOW)).toMatchObject({
      paused: true,
      pausedUntilMs: NOW.wallMs + HOUR,
      nextRunAtMs: NOW.wallMs + HOUR,
    });
    const failed = { ...IDLE, failures: 3, lastResult: failure('server') };
    expect(schedulerView(failed, NOW)).toMatchObject({ backoffMs: 4 * MINUTE });
  });

  it('withNextJitter only replaces the draw for the next wait', () => {
    expect(withNextJitter(IDLE, 0.93)).toEqual({ ...IDLE, nextJitter: 0.93 });
  });
});
