/**
 * When automatic syncs run, as a pure function: `decide(state, event, now)` takes the scheduler's
 * state, one thing that happened and what the driver read at that moment, and returns the next state
 * and what the driver must do (arm its one timer, start a run). No clock, timer, randomness or run
 * gate is touched here, so every rule can be checked with plain values and every interleaving
 * replayed without waiting.
 *
 * Every wait is measured on the monotonic clock, so setting the wall clock forward or back by days
 * neither floods nor starves; the wall clock only serves what users read (`nextRunAtMs`, pause
 * ends). The timer wakes at the earliest moment anything could be due, and on waking everything is
 * checked again, so a late (after sleep) or early firing costs at most one run, never a burst.
 */
import { type Settings, DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../common/settings.ts';
import type { SyncTrigger } from '../../../common/sync-types.ts';
import { pauseIsOver } from './pause-window.ts';
import type { Decision, Now, PolicyState, SchedulerEvent } from './policy-types.ts';
import type { SchedulerState, SyncResult } from './scheduler-types.ts';

/** Settings whose change makes the mirror's last answer stale (a different list, or clock). */
const RESYNC_KEYS: ReadonlySet<keyof Settings> = new Set([
  'contactGroupId',
  'baseUrl',
  'serverTimeZone',
]);
/** Reasons that only say "a run would be good now"; a specific reason replaces them in history. */
const WEAK_TRIGGERS: ReadonlySet<SyncTrigger> = new Set(['schedule', 'online']);

export function decide(state: PolicyState, event: SchedulerEvent, now: Now): Decision {
  if (state.stopped && event.kind !== 'run-started' && event.kind !== 'run-ended') {
    return { state }; // final: only the run still in flight may report its end
  }
  switch (event.kind) {
    case 'start':
      if (state.started) return { state };
      return rebased(
        {
          ...state,
          started: true,
          wanted: isFree(state) ? { trigger: 'startup', atMono: now.monoMs } : state.wanted,
        },
        now,
      );
    case 'stop':
      return { state: { ...state, stopped: true, wanted: null }, wakeAt: null, dropQueued: true };
    case 'timer':
      return onTimer(state, now);
    case 'run-started':
      // Whatever was wanted before this run started, this run delivers.
      return {
        state: { ...state, wanted: null, missedWhileOffline: false, runEpochs: state.epochs },
        wakeAt: null,
      };
    case 'run-ended':
      return rebased(afterRun(state, event.result), now);
    case 'pause':
      // The pause's end brings its own sync.
      return rearm({ ...state, pause: event.window, wanted: null, missedWhileOffline: false }, now);
    case 'resume':
      if (state.pause === null) return { state };
      // A run that fell due during the pause is now overdue: it starts at once.
      return rearm({ ...state, pause: null }, now);
    case 'resumed-from-sleep': {
      const next = endPauseIfOver(state, now);
      return rearm(wantIfFree(next, 'resume', now.monoMs + state.settleMs), now);
    }
    case 'went-online':
      return rearm(onOnline(state, now), now);
    case 'went-offline':
      return rearm(state, now);
    case 'token-changed': {
      const next: PolicyState = {
        ...state,
        epochs: { ...state.epochs, auth: state.epochs.auth + 1 },
        blocked: state.blocked === 'auth' ? null : state.blocked,
      };
      return rearm(wantIfFree(next, 'settings', now.monoMs + state.settleMs), now);
    }
    case 'settings-changed':
      // Also applies a new interval, measured from the end of the last run.
      return rearm(onSettings(state, event.keys, now), now);
  }
}

/** When the timer should next wake, on the monotonic clock; null when nothing can come due. */
export function wakeAt(state: PolicyState, now: Now): number | null {
  if (!state.started || state.stopped || now.busy) return null;
  if (state.pause !== null) return state.pause.untilMonoMs;
  if (state.blocked !== null) return null;
  // A wanted run is always seconds away and stands in for the scheduled one. Offline it waits for
  // went-online, and the interval still wakes us to note a missed run.
  if (state.wanted !== null && now.online) return state.wanted.atMono;
  return state.baseMono + waitMs(state, now);
}

/** What the tray and the window show. */
export function schedulerView(state: PolicyState, now: Now): SchedulerState {
  return {
    running: now.running,
    nextRunAtMs: nextRunAtWall(state, now),
    paused: state.pause !== null,
    pausedUntilMs: state.pause?.untilWallMs ?? null,
    pausedUntilResumed: state.pause?.untilResumed ?? false,
    blocked: state.blocked,
    backoffMs:
      state.failures > 0 ? backoffMs(state.failures, now.intervalMs, state.retryAfterMs) : 0,
    lastResult: state.lastResult,
  };
}

function onTimer(state: PolicyState, now: Now): Decision {
  if (!state.started || now.busy) return { state };
  const next = endPauseIfOver(state, now);
  if (next.pause !== null || next.blocked !== null) return rearm(next, now);
  const due = now.monoMs >= next.baseMono + waitMs(next, now);
  if (!now.online) {
    // A run now would only fail. Noted for went-online; checked again one wait later in case that
    // event never comes.
    return due ? rebased({ ...next, missedWhileOffline: true }, now) : rearm(next, now);
  }
  if (next.wanted !== null) {
    return next.wanted.atMono <= now.monoMs
      ? { state: next, start: next.wanted.trigger }
      : rearm(next, now);
  }
  return due ? { state: next, start: 'schedule' } : rearm(next, now); // early: wait for the rest
}

function afterRun(state: PolicyState, result: SyncResult): PolicyState {
  const next = { ...state, lastResult: result };
  if (result.ok) {
    const wanted = state.wanted?.trigger === 'online' ? null : state.wanted;
    return { ...next, failures: 0, retryAfterMs: 0, blocked: null, wanted };
  }
  const kind = result.errorKind;
  if (kind === 'auth' || kind === 'input') {
    return state.epochs[kind] === state.runEpochs[kind]
      ? { ...next, blocked: kind, wanted: null }
      : next;
  }
  if (kind === 'cancelled') return next;
  const dropOnline = state.wanted?.trigger === 'online' && !isNetworkFailure(result);
  return {
    ...next,
    failures: state.failures + 1,
    retryAfterMs: clampRetryAfter(result.retryAfterMs),
    wanted: dropOnline ? null : state.wanted,
  };
}

function onOnline(state: PolicyState, now: Now): PolicyState {
  if (!isFree(state)) return state;
  const settled = now.monoMs + state.settleMs;
  const { wanted } = state;
  if (wanted !== null)
    return { ...state, wanted: { ...wanted, atMono: Math.max(wanted.atMono, settled) } };
  const missed =
    now.running || // decided when that run ends: kept only if it failed for the network
    state.missedWhileOffline ||
    isNetworkFailure(state.lastResult) ||
    now.monoMs >= state.baseMono + waitMs(state, now);
  return missed ? want(state, 'online', settled) : state;
}

function onSettings(
  state: PolicyState,
  keys: ReadonlyArray<keyof Settings>,
  now: Now,
): PolicyState {
  const changed = new Set(keys);
  let { epochs, blocked } = state;
  if (changed.has('baseUrl')) {
    epochs = { auth: epochs.auth + 1, input: epochs.input + 1 };
    blocked = null;
  }
  if (changed.has('contactGroupId')) {
    epochs = { ...epochs, input: epochs.input + 1 };
    if (blocked === 'input') blocked = null;
  }
  const next = { ...state, epochs, blocked };
  return keys.some((key) => RESYNC_KEYS.has(key))
    ? wantIfFree(next, 'settings', now.monoMs + state.settleMs)
    : next;
}

function endPauseIfOver(state: PolicyState, now: Now): PolicyState {
  if (state.pause === null || !pauseIsOver(state.pause, now.monoMs, now.wallMs)) return state;
  // A timed pause ends with one sync, then the schedule goes on.
  return want({ ...state, pause: null }, 'schedule', now.monoMs);
}

function want(state: PolicyState, trigger: SyncTrigger, atMono: number): PolicyState {
  const { wanted } = state;
  if (wanted === null) return { ...state, wanted: { trigger, atMono } };
  return {
    ...state,
    wanted: {
      trigger: WEAK_TRIGGERS.has(wanted.trigger) ? trigger : wanted.trigger,
      atMono: Math.min(wanted.atMono, atMono),
    },
  };
}

/** Only an unpaused, unblocked scheduler starts wanting runs; a pause's end brings its own. */
function wantIfFree(state: PolicyState, trigger: SyncTrigger, atMono: number): PolicyState {
  return isFree(state) ? want(state, trigger, atMono) : state;
}

function isFree(state: PolicyState): boolean {
  return state.pause === null && state.blocked === null;
}

function waitMs(state: PolicyState, now: Now): number {
  if (state.failures > 0) return backoffMs(state.failures, now.intervalMs, state.retryAfterMs);
  return Math.round(now.intervalMs * state.jitter);
}

/** Starts a new wait from now, with the jitter drawn for it, and re-arms for it. */
function rebased(state: PolicyState, now: Now): Decision {
  const next = { ...state, baseMono: now.monoMs, jitter: state.nextJitter };
  return { ...rearm(next, now), drawJitter: true };
}

function rearm(state: PolicyState, now: Now): Decision {
  return { state, wakeAt: wakeAt(state, now) };
}

function nextRunAtWall(state: PolicyState, now: Now): number | null {
  if (!state.started || state.stopped) return null;
  if (state.pause !== null) return state.pause.untilWallMs;
  const at = wakeAt(state, now);
  if (at === null) return null;
  return now.wallMs + Math.max(0, at - now.monoMs);
}

function isNetworkFailure(result: SyncResult | null): boolean {
  return result?.ok === false && (result.errorKind === 'network' || result.errorKind === 'timeout');
}

const MINUTE_MS = 60_000;

/** The first retry after a failure; each further failure doubles it, up to the interval. */
export const FIRST_BACKOFF_MS = MINUTE_MS;

/** Share of the interval each wait may move either way, so many installs do not poll in step. */
export const JITTER_SPREAD = 0.1;

/**
 * A server asking for more than a day is more likely confused than serious; waiting longer would
 * look to the user like the app stopped syncing.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * MINUTE_MS;

/**
 * The sync interval in ms. Settings are validated where they are stored, but the scheduler must not
 * spin on a 0 or hang on NaN if a bad value ever slips through, so it clamps again.
 */
export function intervalMs(minutes: number): number {
  const { min, max } = SETTINGS_LIMITS.syncIntervalMinutes;
  const value = Number.isFinite(minutes) ? minutes : DEFAULT_SETTINGS.syncIntervalMinutes;
  return Math.min(max, Math.max(min, value)) * MINUTE_MS;
}

/** Maps a uniform draw in [0, 1) to a factor in [0.9, 1.1); out-of-range draws are clamped. */
export function jitterFactor(draw: number): number {
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0.5;
  return 1 - JITTER_SPREAD + 2 * JITTER_SPREAD * unit;
}

/**
 * The wait after `failures` consecutive failures: 1, 2, 4, 8… minutes, never longer than the
 * interval (the user chose how stale the mirror may get), but never shorter than the server's
 * Retry-After (hammering a rate limit only extends it). Not jittered: one client, one server, and a
 * predictable "retrying in 4 min" reads better.
 */
export function backoffMs(failures: number, interval: number, retryAfterMs: number): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 30);
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** doublings, interval);
  return Math.max(backoff, clampRetryAfter(retryAfterMs));
}

export function clampRetryAfter(retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return 0;
  return Math.min(Math.max(retryAfterMs, 0), MAX_RETRY_AFTER_MS);
}
