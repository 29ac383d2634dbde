import type { SyncTrigger } from '../../../common/sync-types.ts';
import type { TimerHandle } from '../ports/clock.ts';
import { systemLocalTime } from './local-time.ts';
import { openPause } from './pause-window.ts';
import { createRunGate } from '../sync/run-gate.ts';
import {
  type Now,
  type PolicyState,
  type SchedulerEvent,
  initialPolicyState,
  withNextJitter,
} from './policy-types.ts';
import { decide, schedulerView, intervalMs, jitterFactor } from './scheduler-policy.ts';
import type { SchedulerDeps, SyncResult, SyncScheduler } from './scheduler-types.ts';
import { createSignal } from '../signal.ts';

const DEFAULT_SETTLE_MS = 2_000;
/** Node fires a setTimeout longer than 2^31−1 ms at once; longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const CANCELLED: SyncResult = { ok: false, errorKind: 'cancelled' };
/** What a run that threw or returned garbage counts as: a failure worth a backed-off retry. */
const BROKEN_RUN: SyncResult = { ok: false, errorKind: 'unknown' };

/**
 * Runs the scheduling policy (`decide` in scheduler-policy.ts) against the world: it reads the
 * clocks, the network and the interval setting, owns the one timer, starts runs through the run
 * gate and tells listeners. Every decision is the policy's; this file only carries them out, so it
 * holds one state value and one timer and nothing else that changes.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const { clock, timers } = deps;
  const localTime = deps.localTime ?? systemLocalTime;
  const reportError = deps.onError ?? ((error: unknown) => console.error('sync scheduler:', error));
  const drawJitter = (): number => jitterFactor(deps.random());

  let state: PolicyState = initialPolicyState({
    monoMs: clock.monotonicMs(),
    settleMs: deps.settleMs ?? DEFAULT_SETTLE_MS,
    jitter: drawJitter(),
    nextJitter: drawJitter(),
  });
  let timer: { readonly handle: TimerHandle } | null = null;

  const gate = createRunGate<SyncResult>({
    run: (trigger) => settledRun(deps.runSync, trigger, reportError),
    onStart: () => dispatch({ kind: 'run-started' }),
    onEnd: (result) => dispatch({ kind: 'run-ended', result }),
    onError: reportError,
  });
  const changes = createStateEmitter(() => schedulerView(state, readNow()), reportError);

  function readNow(): Now {
    return {
      monoMs: clock.monotonicMs(),
      wallMs: clock.nowMs(),
      online: deps.isOnline(),
      intervalMs: intervalMs(deps.intervalMinutes()),
      running: gate.running,
      busy: gate.busy,
    };
  }

  function dispatch(event: SchedulerEvent): void {
    const decision = decide(state, event, readNow());
    state = decision.drawJitter ? withNextJitter(decision.state, drawJitter()) : decision.state;
    if (decision.start !== undefined) {
      gate.startAutomatic(decision.start); // its run-started replaces the timer and tells listeners
      return;
    }
    if (decision.wakeAt === undefined) return;
    arm(decision.wakeAt);
    if (decision.dropQueued) gate.dropQueued(CANCELLED);
    changes.emit();
  }

  function arm(atMono: number | null): void {
    if (timer !== null) timers.clearTimeout(timer.handle);
    timer = null;
    if (atMono === null) return;
    const delay = Math.min(Math.max(atMono - clock.monotonicMs(), 0), MAX_TIMER_MS);
    const armed = {
      handle: timers.setTimeout(() => {
        if (timer !== armed) return;
        timer = null;
        dispatch({ kind: 'timer' });
      }, delay),
    };
    timer = armed;
  }

  return {
    start: () => dispatch({ kind: 'start' }),
    stop() {
      dispatch({ kind: 'stop' });
      return gate.settled();
    },
    requestSync(trigger) {
      if (state.stopped) return Promise.resolve(CANCELLED);
      return gate.request(trigger);
    },
    pause(request) {
      // Stopped is final: even a request the UI should not have sent is ignored, not refused.
      if (state.stopped) return;
      const window = openPause(request, clock.nowMs(), clock.monotonicMs(), localTime);
      dispatch({ kind: 'pause', window });
    },
    resume: () => dispatch({ kind: 'resume' }),
    resumedFromSleep: () => dispatch({ kind: 'resumed-from-sleep' }),
    wentOnline: () => dispatch({ kind: 'went-online' }),
    wentOffline: () => dispatch({ kind: 'went-offline' }),
    tokenChanged: () => dispatch({ kind: 'token-changed' }),
    settingsChanged: (keys) => dispatch({ kind: 'settings-changed', keys }),
    state: () => schedulerView(state, readNow()),
    onStateChange: changes.subscribe,
  };
}

/** The run's result, never a rejection: the policy hears of every run's end, broken or not. */
async function settledRun(
  runSync: SchedulerDeps['runSync'],
  trigger: SyncTrigger,
  reportError: (error: unknown) => void,
): Promise<SyncResult> {
  try {
    const value: unknown = await runSync(trigger);
    if (isSyncResult(value)) return value;
    reportError(new TypeError(`runSync resolved with ${JSON.stringify(value)}`));
  } catch (error) {
    reportError(error);
  }
  return BROKEN_RUN;
}

function isSyncResult(value: unknown): value is SyncResult {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, errorKind } = value as { ok?: unknown; errorKind?: unknown };
  return ok === true || (ok === false && typeof errorKind === 'string');
}

/**
 * Tells listeners (tray, window, over IPC) when the scheduler's state changes, and only then: the
 * scheduler re-evaluates often, and an unchanged state need not cross a process boundary. A
 * listener that throws is reported and does not keep the others from hearing.
 */

export interface StateEmitter<T> {
  /** Takes a snapshot and tells every listener if any field differs from the last one told. */
  emit(): void;
  subscribe(listener: (state: T) => void): () => void;
}

export function createStateEmitter<T extends object>(
  snapshot: () => T,
  onError: (error: unknown) => void,
): StateEmitter<T> {
  const signal = createSignal<T>(onError);
  let last: T | null = null;

  return {
    emit() {
      const state = snapshot();
      if (last !== null && sameFields(last, state)) return;
      last = state;
      signal.emit(state);
    },
    subscribe: (listener) => signal.subscribe(listener),
  };
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
