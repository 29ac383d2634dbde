/**
 * The values the scheduling policy (`decide` in scheduler-policy.ts) works on: its state, the events
 * it hears, what the driver read when each happened, and what it tells the driver to do. All plain,
 * immutable data, so a test can write any of them down.
 */
import type { Settings } from '../../../common/settings.ts';
import type { SyncTrigger } from '../../../common/sync-types.ts';
import type { PauseWindow } from './pause-window.ts';
import type { BlockKind, SyncResult } from './scheduler-types.ts';

/** An automatic run wanted soon, for a reason other than the interval running out. */
export interface Wanted {
  readonly trigger: SyncTrigger;
  readonly atMono: number;
}

/**
 * Bumped when what an auth or input failure depends on changes. A run that failed with the old
 * token or group must not block when the user fixed it meanwhile: the follow-up run decides.
 */
export interface Epochs {
  readonly auth: number;
  readonly input: number;
}

export interface PolicyState {
  readonly started: boolean;
  readonly stopped: boolean;
  /** How long to let the network settle after waking, reconnecting or a settings change. */
  readonly settleMs: number;
  /** Where the current wait is measured from: the end of the last run, or the last offline skip. */
  readonly baseMono: number;
  /** This wait's share of the interval, in [0.9, 1.1). */
  readonly jitter: number;
  /**
   * The factor the next wait will take, drawn ahead by the driver: randomness stays outside, and each
   * wait still gets its own draw.
   */
  readonly nextJitter: number;
  /** Consecutive failures worth a backed-off retry; 0 after a success. */
  readonly failures: number;
  readonly retryAfterMs: number;
  readonly wanted: Wanted | null;
  /** A scheduled run fell due while offline: reconnecting should bring it. */
  readonly missedWhileOffline: boolean;
  readonly pause: PauseWindow | null;
  readonly blocked: BlockKind | null;
  readonly lastResult: SyncResult | null;
  readonly epochs: Epochs;
  /** The epochs when the run going started, to tell whether its failure still applies. */
  readonly runEpochs: Epochs;
}

export type SchedulerEvent =
  | { readonly kind: 'start' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'timer' }
  | { readonly kind: 'run-started' }
  | { readonly kind: 'run-ended'; readonly result: SyncResult }
  /** The driver opens the window (it needs the local time zone and may refuse the request). */
  | { readonly kind: 'pause'; readonly window: PauseWindow }
  | { readonly kind: 'resume' }
  | { readonly kind: 'resumed-from-sleep' }
  | { readonly kind: 'went-online' }
  | { readonly kind: 'went-offline' }
  | { readonly kind: 'token-changed' }
  | { readonly kind: 'settings-changed'; readonly keys: ReadonlyArray<keyof Settings> };

/** What the driver read when the event happened: the clocks, the network, the setting, the gate. */
export interface Now {
  readonly monoMs: number;
  readonly wallMs: number;
  readonly online: boolean;
  /** The interval setting in ms, clamped (wait-policy's `intervalMs`). */
  readonly intervalMs: number;
  /** A run is going. */
  readonly running: boolean;
  /** A run is going or a follow-up is queued: either way no automatic run may start. */
  readonly busy: boolean;
}

export interface Decision {
  readonly state: PolicyState;
  /**
   * Present when the driver should replace its timer with one waking at this monotonic instant (null:
   * none) and tell listeners the state; absent when the event changed nothing the driver does.
   */
  readonly wakeAt?: number | null;
  /** Start an automatic run now with this trigger; the run's start replaces the timer. */
  readonly start?: SyncTrigger;
  /** `nextJitter` was taken for the wait just begun: draw a fresh one before the next event. */
  readonly drawJitter?: true;
  /** The scheduler stopped: requests still waiting their turn are answered `cancelled`. */
  readonly dropQueued?: true;
}

export function initialPolicyState(
  options: Pick<PolicyState, 'settleMs' | 'jitter' | 'nextJitter'> & { readonly monoMs: number },
): PolicyState {
  return {
    started: false,
    stopped: false,
    settleMs: options.settleMs,
    baseMono: options.monoMs,
    jitter: options.jitter,
    nextJitter: options.nextJitter,
    failures: 0,
    retryAfterMs: 0,
    wanted: null,
    missedWhileOffline: false,
    pause: null,
    blocked: null,
    lastResult: null,
    epochs: { auth: 0, input: 0 },
    runEpochs: { auth: 0, input: 0 },
  };
}

/** The state with the driver's fresh draw for the wait after the current one. */
export function withNextJitter(state: PolicyState, jitter: number): PolicyState {
  return { ...state, nextJitter: jitter };
}
