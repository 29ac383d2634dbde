import type { Settings } from '../../../common/settings.ts';
import type { SyncTrigger } from '../../../common/sync-types.ts';
import type { TimerHandle } from '../ports/clock.ts';
import { systemLocalTime } from './local-time.ts';
import type { PauseWindow } from './pause-window.ts';
import { openPause, pauseIsOver } from './pause-window.ts';
import { createRunGate } from './run-gate.ts';
import { createStateEmitter } from './state-emitter.ts';
import type {
  BlockKind,
  SchedulerDeps,
  SchedulerState,
  SyncResult,
  SyncScheduler,
} from './scheduler-types.ts';
import { backoffMs, clampRetryAfter, intervalMs, jitterFactor } from './wait-policy.ts';

const DEFAULT_SETTLE_MS = 2_000;
/** Node fires a setTimeout longer than 2^31−1 ms at once; longer waits are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const CANCELLED: SyncResult = { ok: false, errorKind: 'cancelled' };
/** Settings whose change makes the mirror's last answer stale (a different list, or clock). */
const RESYNC_KEYS: ReadonlySet<keyof Settings> = new Set([
  'contactGroupId',
  'baseUrl',
  'serverTimeZone',
]);
/** Reasons that only say "a run would be good now"; a specific reason replaces them in history. */
const WEAK_TRIGGERS: ReadonlySet<SyncTrigger> = new Set(['schedule', 'online']);

/** An automatic run wanted soon, for a reason other than the interval running out. */
interface Wanted {
  readonly trigger: SyncTrigger;
  readonly atMono: number;
}

function isNetworkFailure(result: SyncResult | null): boolean {
  return result?.ok === false && (result.errorKind === 'network' || result.errorKind === 'timeout');
}

/**
 * Decides when automatic syncs run. Every wait is measured on the monotonic clock, so setting the
 * wall clock forward or back by days neither floods nor starves; the wall clock only serves what
 * users read (`nextRunAtMs`, pause ends). One timer at a time: it wakes at the earliest moment
 * anything could be due, and on waking re-checks everything, so a late (after sleep) or early
 * firing costs at most one run, never a burst.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const { clock, timers } = deps;
  const localTime = deps.localTime ?? systemLocalTime;
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
  const reportError = deps.onError ?? ((error: unknown) => console.error('sync scheduler:', error));

  let started = false;
  let stopped = false;
  let timer: { readonly handle: TimerHandle } | null = null;
  /** Where the current wait is measured from: the end of the last run, or the last offline skip. */
  let baseMono = clock.monotonicMs();
  let jitter = jitterFactor(deps.random());
  let failures = 0;
  let retryAfterMs = 0;
  let wanted: Wanted | null = null;
  let missedWhileOffline = false;
  let pause: PauseWindow | null = null;
  let blocked: BlockKind | null = null;
  let lastResult: SyncResult | null = null;
  /**
   * Bumped when what an auth or input failure depends on changes. A run that failed with the old
   * token or group must not block when the user fixed it meanwhile: the follow-up run decides.
   */
  const epochs = { auth: 0, input: 0 };
  let runEpochs = { ...epochs };

  const gate = createRunGate({ runSync: deps.runSync, onStart, onEnd, onError: reportError });
  const changes = createStateEmitter(snapshot, reportError);
  const emit = changes.emit;

  function waitMs(): number {
    const interval = intervalMs(deps.intervalMinutes());
    if (failures > 0) return backoffMs(failures, interval, retryAfterMs);
    return Math.round(interval * jitter);
  }

  /** Starts a new wait from `nowMono`, with a fresh jitter draw. */
  function rebase(nowMono: number): void {
    baseMono = nowMono;
    jitter = jitterFactor(deps.random());
  }

  function want(trigger: SyncTrigger, atMono: number): void {
    if (wanted === null) wanted = { trigger, atMono };
    else {
      wanted = {
        trigger: WEAK_TRIGGERS.has(wanted.trigger) ? trigger : wanted.trigger,
        atMono: Math.min(wanted.atMono, atMono),
      };
    }
  }

  /** When the timer should next wake, on the monotonic clock; null when nothing can come due. */
  function wakeAtMono(): number | null {
    if (!started || stopped || gate.busy) return null;
    if (pause !== null) return pause.untilMonoMs;
    if (blocked !== null) return null;
    // A wanted run is always seconds away and stands in for the scheduled one. Offline it waits
    // for wentOnline(), and the interval still wakes us to note a missed run.
    if (wanted !== null && deps.isOnline()) return wanted.atMono;
    return baseMono + waitMs();
  }

  function clearTimer(): void {
    if (timer === null) return;
    timers.clearTimeout(timer.handle);
    timer = null;
  }

  function reconsider(): void {
    clearTimer();
    const at = wakeAtMono();
    if (at !== null) {
      const delay = Math.min(Math.max(at - clock.monotonicMs(), 0), MAX_TIMER_MS);
      const armed = { handle: timers.setTimeout(() => timer === armed && onTimer(), delay) };
      timer = armed;
    }
    emit();
  }

  function endPauseIfOver(nowMono: number): void {
    if (pause !== null && pauseIsOver(pause, nowMono, clock.nowMs())) {
      pause = null;
      want('schedule', nowMono); // a timed pause ends with one sync, then the schedule goes on
    }
  }

  function onTimer(): void {
    timer = null;
    if (!started || stopped || gate.busy) return;
    const now = clock.monotonicMs();
    endPauseIfOver(now);
    if (pause !== null || blocked !== null) return reconsider();
    const due = now >= baseMono + waitMs();
    if (!deps.isOnline()) {
      // A run now would only fail. Noted for wentOnline(); checked again one wait later in case
      // that event never comes.
      if (due) {
        missedWhileOffline = true;
        rebase(now);
      }
      return reconsider();
    }
    if (wanted !== null) {
      if (wanted.atMono <= now) gate.startAutomatic(wanted.trigger);
      else reconsider();
    } else if (due) gate.startAutomatic('schedule');
    else reconsider(); // fired early: wait for the rest
  }

  function onStart(): void {
    clearTimer();
    // Whatever was wanted before this run started, this run delivers.
    wanted = null;
    missedWhileOffline = false;
    runEpochs = { ...epochs };
    emit();
  }

  function onEnd(result: SyncResult): void {
    lastResult = result;
    rebase(clock.monotonicMs());
    if (result.ok) {
      failures = 0;
      retryAfterMs = 0;
      blocked = null;
      if (wanted?.trigger === 'online') wanted = null;
    } else if (result.errorKind === 'auth' || result.errorKind === 'input') {
      if (epochs[result.errorKind] === runEpochs[result.errorKind]) {
        blocked = result.errorKind;
        wanted = null;
      }
    } else if (result.errorKind !== 'cancelled') {
      failures += 1;
      retryAfterMs = clampRetryAfter(result.retryAfterMs);
      if (wanted?.trigger === 'online' && !isNetworkFailure(result)) wanted = null;
    }
    reconsider();
  }

  function snapshot(): SchedulerState {
    const interval = intervalMs(deps.intervalMinutes());
    return {
      running: gate.running,
      nextRunAtMs: nextRunAtWall(),
      paused: pause !== null,
      pausedUntilMs: pause?.untilWallMs ?? null,
      pausedUntilResumed: pause?.untilResumed ?? false,
      blocked,
      backoffMs: failures > 0 ? backoffMs(failures, interval, retryAfterMs) : 0,
      lastResult,
    };
  }

  function nextRunAtWall(): number | null {
    if (!started || stopped) return null;
    if (pause !== null) return pause.untilWallMs;
    const at = wakeAtMono();
    if (at === null) return null;
    return clock.nowMs() + Math.max(0, at - clock.monotonicMs());
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      const now = clock.monotonicMs();
      rebase(now);
      if (pause === null && blocked === null) wanted = { trigger: 'startup', atMono: now };
      reconsider();
    },
    stop() {
      if (!stopped) {
        stopped = true;
        wanted = null;
        clearTimer();
        gate.dropQueued(CANCELLED);
        emit();
      }
      return gate.settled();
    },
    requestSync(trigger) {
      if (stopped) return Promise.resolve(CANCELLED);
      return gate.request(trigger);
    },
    pause(request) {
      if (stopped) return;
      pause = openPause(request, clock.nowMs(), clock.monotonicMs(), localTime);
      wanted = null; // the pause's end brings its own sync
      missedWhileOffline = false;
      reconsider();
    },
    resume() {
      if (stopped || pause === null) return;
      pause = null;
      reconsider(); // a run that fell due during the pause is now overdue: it starts at once
    },
    resumedFromSleep() {
      if (stopped) return;
      const now = clock.monotonicMs();
      endPauseIfOver(now);
      if (pause === null && blocked === null) want('resume', now + settleMs);
      reconsider();
    },
    wentOnline() {
      if (stopped) return;
      const now = clock.monotonicMs();
      const settled = now + settleMs;
      if (pause === null && blocked === null) {
        if (wanted !== null) wanted = { ...wanted, atMono: Math.max(wanted.atMono, settled) };
        else if (
          gate.running || // decided when that run ends: kept only if it failed for the network
          missedWhileOffline ||
          isNetworkFailure(lastResult) ||
          now >= baseMono + waitMs()
        ) {
          want('online', settled);
        }
      }
      reconsider();
    },
    wentOffline() {
      if (stopped) return;
      reconsider();
    },
    tokenChanged() {
      if (stopped) return;
      epochs.auth += 1;
      if (blocked === 'auth') blocked = null;
      if (pause === null && blocked === null) want('settings', clock.monotonicMs() + settleMs);
      reconsider();
    },
    settingsChanged(keys) {
      if (stopped) return;
      const changed = new Set(keys);
      if (changed.has('baseUrl')) {
        epochs.auth += 1;
        epochs.input += 1;
        blocked = null;
      }
      if (changed.has('contactGroupId')) {
        epochs.input += 1;
        if (blocked === 'input') blocked = null;
      }
      if (keys.some((key) => RESYNC_KEYS.has(key)) && pause === null && blocked === null) {
        want('settings', clock.monotonicMs() + settleMs);
      }
      reconsider(); // also applies a new interval, measured from the end of the last run
    },
    state: snapshot,
    onStateChange: changes.subscribe,
  };
}
