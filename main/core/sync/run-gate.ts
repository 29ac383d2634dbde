import type { SyncTrigger } from '../../../common/sync-types.ts';

export interface RunGateHooks<R> {
  /** Starts one run; called only while nothing else runs. */
  readonly run: (trigger: SyncTrigger) => Promise<R>;
  /** Called with `running` already true, before `run`. */
  readonly onStart?: (trigger: SyncTrigger) => void;
  /** Called with `running` false, before the queued follow-up (if any) starts. */
  readonly onEnd?: (result: R, trigger: SyncTrigger) => void;
  /** A hook that threw, or an automatic run that failed with nobody waiting for it. */
  readonly onError?: (error: unknown) => void;
}

/**
 * The one place that decides what happens when a run is asked for while one is going, for the
 * engine and the scheduler alike. Three answers, one per kind of asker:
 * - `join`: share the run going (the engine's `run`: a timer, the cli, a test);
 * - `request`: a person's own run after it, because the run going may have started before they
 *   fixed a setting; requests made during one run share that follow-up;
 * - `startAutomatic`: nothing at all, since the run going or queued will do.
 * A run that fails rejects every caller waiting on it and still lets the follow-up start.
 */
export interface RunGate<R> {
  readonly running: boolean;
  /** Running, or a follow-up is queued: either way no automatic run should be armed. */
  readonly busy: boolean;
  /** The run going, or a new one if idle. */
  join(trigger: SyncTrigger): Promise<R>;
  /** Runs now if idle; otherwise (once) after the run going. */
  request(trigger: SyncTrigger): Promise<R>;
  /** Starts a run; returns false (and does nothing) when a run is going or queued. */
  startAutomatic(trigger: SyncTrigger): boolean;
  /** Resolves queued requests with `result` without running them (the app is stopping). */
  dropQueued(result: R): void;
  /** Resolves once nothing is running or queued. */
  settled(): Promise<void>;
}

interface FollowUp<R> {
  readonly trigger: SyncTrigger;
  readonly promise: Promise<R>;
  readonly resolve: (result: R | Promise<R>) => void;
}

export function createRunGate<R>(hooks: RunGateHooks<R>): RunGate<R> {
  let current: Promise<R> | null = null;
  let queued: FollowUp<R> | null = null;

  function launch(trigger: SyncTrigger): Promise<R> {
    // `running` is true from here on, before `onStart` hears of the run.
    let begin: (run: Promise<R>) => void = () => undefined;
    const running = new Promise<R>((resolve) => {
      begin = resolve;
    });
    current = running;
    let started: Promise<R>;
    try {
      hooks.onStart?.(trigger);
      started = Promise.resolve(hooks.run(trigger));
    } catch (error) {
      started = Promise.reject(error);
    }
    begin(
      started.then(
        (result) => {
          finish(() => hooks.onEnd?.(result, trigger));
          return result;
        },
        (error: unknown) => {
          finish(() => undefined);
          throw error;
        },
      ),
    );
    return running;
  }

  /** The run is over: tell `onEnd`, then start the follow-up if one is queued. */
  function finish(tellEnd: () => void): void {
    current = null;
    try {
      tellEnd();
    } catch (error) {
      hooks.onError?.(error);
    }
    const next = queued;
    queued = null;
    if (next !== null) next.resolve(launch(next.trigger));
  }

  function followUp(trigger: SyncTrigger): Promise<R> {
    if (queued !== null) return queued.promise;
    let resolve: FollowUp<R>['resolve'] = () => undefined;
    const promise = new Promise<R>((settle) => {
      resolve = settle;
    });
    queued = { trigger, promise, resolve };
    return promise;
  }

  return {
    get running() {
      return current !== null;
    },
    get busy() {
      return current !== null || queued !== null;
    },
    join(trigger) {
      return current ?? launch(trigger);
    },
    request(trigger) {
      return current === null ? launch(trigger) : followUp(trigger);
    },
    startAutomatic(trigger) {
      if (current !== null || queued !== null) return false;
      launch(trigger).catch((error: unknown) => hooks.onError?.(error));
      return true;
    },
    dropQueued(result) {
      const dropped = queued;
      queued = null;
      dropped?.resolve(result);
    },
    async settled() {
      while (current !== null) await current.catch(() => undefined);
    },
  };
}
