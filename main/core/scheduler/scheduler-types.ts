import type { BlockKind, PauseRequest } from '../../../common/ipc/app-state.ts';
import type { Settings } from '../../../common/settings.ts';
import type { SyncResult, SyncTrigger } from '../../../common/sync-types.ts';
import type { Clock, Timers } from '../ports/clock.ts';
import type { LocalTime } from './local-time.ts';

export type { SyncResult } from '../../../common/sync-types.ts';

/** Triggers a person (window, tray, command line) starts; these run even when paused or blocked. */
export type ManualTrigger = Extract<SyncTrigger, 'manual' | 'tray' | 'cli'>;

/**
 * Defined with the IPC contract, which the window speaks and cannot import main for; the scheduler
 * takes the same words, and offers them here to main's callers (the tray) with its own interface.
 */
export type { BlockKind, PauseRequest };

export interface SchedulerState {
  readonly running: boolean;
  /** Wall-clock estimate of the next automatic run; null when none will come on its own. */
  readonly nextRunAtMs: number | null;
  readonly paused: boolean;
  /** Wall-clock end of a timed pause; null when not paused or paused until resumed. */
  readonly pausedUntilMs: number | null;
  readonly pausedUntilResumed: boolean;
  /** Why automatic syncs stopped until the token or the settings change. */
  readonly blocked: BlockKind | null;
  /** The wait after the last failure (0 after a success): what the UI shows as "retrying in". */
  readonly backoffMs: number;
  readonly lastResult: SyncResult | null;
}

export interface SchedulerDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  /** Uniform in [0, 1); injected so tests can seed the jitter. */
  readonly random: () => number;
  /** Starts (or, the engine being single-flight, joins) a sync. Should not reject. */
  readonly runSync: (trigger: SyncTrigger) => Promise<SyncResult>;
  /** Read at every wait, so a settings change needs no restart. */
  readonly intervalMinutes: () => number;
  readonly isOnline: () => boolean;
  /** Defaults to the machine's zone through `Date`. */
  readonly localTime?: LocalTime;
  /** How long to let the network settle after waking or reconnecting; default 2 s. */
  readonly settleMs?: number;
  /** Where a rejected `runSync` or a throwing state listener is reported; default console.error. */
  readonly onError?: (error: unknown) => void;
}

export interface SyncScheduler {
  /** Begins scheduling with a `startup` run, unless paused or blocked. Later calls do nothing. */
  start(): void;
  /**
   * Clears every timer, refuses new work and resolves requests still waiting their turn with a
   * `cancelled` result. Resolves when the run in flight has ended; it does not cancel that run
   * (cancelling is the engine's job), so the app can close its stores only after the commit.
   * Final: a stopped scheduler does not start again.
   */
  stop(): Promise<void>;
  /**
   * Runs now even when paused, blocked or offline. During a run, all requests share exactly one
   * more run after it (the one going may have started before the user's change); each resolves
   * with the result of a run that started after it was made.
   */
  requestSync(trigger: ManualTrigger): Promise<SyncResult>;
  /** Replaces any current pause. Throws RangeError on a bad duration or time of day. */
  pause(request: PauseRequest): void;
  /** Ends a pause; a run that fell due meanwhile starts at once. */
  resume(): void;
  resumedFromSleep(): void;
  wentOnline(): void;
  wentOffline(): void;
  tokenChanged(): void;
  settingsChanged(keys: ReadonlyArray<keyof Settings>): void;
  state(): SchedulerState;
  onStateChange(listener: (state: SchedulerState) => void): () => void;
}
