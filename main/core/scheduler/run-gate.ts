import type { SyncTrigger } from '../../../common/sync-types.ts';
import type { ManualTrigger, SyncResult } from './scheduler-types.ts';

/** What a run that threw or returned garbage counts as: a failure worth a backed-off retry. */
const BROKEN_RUN: SyncResult = { ok: false, errorKind: 'unknown' };

export interface RunGateHooks {
  readonly runSync: (trigger: SyncTrigger) => Promise<SyncResult>;
  /** Called with `running` already true, before `runSync`. */
  readonly onStart: (trigger: SyncTrigger) => void;
  /** Called with `running` false, before the queued follow-up (if any) starts. */
  readonly onEnd: (result: SyncResult, trigger: SyncTrigger) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Single flight for the scheduler. The engine joins a call made during a run, which is right for
 * timers but wrong for a person: the run going may have started before they fixed a setting, so
 * their request gets a run of its own after it. Requests made during one run share that follow-up.
 */
export interface RunGate {
  readonly running: boolean;
  /** Running, or a follow-up is queued: either way no automatic run should be armed. */
  readonly busy: boolean;
  /** Runs now if idle; otherwise (once) after the run going. */
  request(trigger: ManualTrigger): Promise<SyncResult>;
  /** Starts an automatic run; returns false (and does nothing) when a run is going or queued. */
  startAutomatic(trigger: SyncTrigger): boolean;
  /** Resolves queued requests with `result` without running them (the app is stopping). */
  dropQueued(result: SyncResult): void;
  /** Resolves once nothing is running or queued. */
  settled(): Promise<void>;
}

type Waiter = (result: SyncResult) => void;

export function createRunGate(hooks: RunGateHooks): RunGate {
  let current: Promise<void> | null = null;
  let queued: { trigger: ManualTrigger; waiters: Waiter[] } | null = null;

  function launch(trigger: SyncTrigger, waiters: Waiter[]): void {
    let done = (): void => {};
    current = new Promise<void>((resolve) => {
      done = resolve;
    });
    hooks.onStart(trigger);
    let pending: Promise<SyncResult>;
    try {
      pending = Promise.resolve(hooks.runSync(trigger));
    } catch (error) {
      pending = Promise.reject(error);
    }
    void pending
      .then(checked, (error: unknown) => {
        hooks.onError(error);
        return BROKEN_RUN;
      })
      .then((result) => {
        try {
          finish(result, trigger, waiters);
        } finally {
          done();
        }
      });
  }

  function checked(value: unknown): SyncResult {
    if (isSyncResult(value)) return value;
    hooks.onError(new TypeError(`runSync resolved with ${JSON.stringify(value)}`));
    return BROKEN_RUN;
  }

  function finish(result: SyncResult, trigger: SyncTrigger, waiters: Waiter[]): void {
    current = null;
    try {
      hooks.onEnd(result, trigger);
    } catch (error) {
      hooks.onError(error);
    }
    const next = queued;
    queued = null;
    if (next !== null) launch(next.trigger, next.waiters);
    for (const waiter of waiters) waiter(result);
  }

  return {
    get running() {
      return current !== null;
    },
    get busy() {
      return current !== null || queued !== null;
    },
    request(trigger) {
      return new Promise<SyncResult>((resolve) => {
        if (current === null) launch(trigger, [resolve]);
        else if (queued === null) queued = { trigger, waiters: [resolve] };
        else queued.waiters.push(resolve);
      });
    },
    startAutomatic(trigger) {
      if (current !== null || queued !== null) return false;
      launch(trigger, []);
      return true;
    },
    dropQueued(result) {
      const dropped = queued;
      queued = null;
      for (const waiter of dropped?.waiters ?? []) waiter(result);
    },
    async settled() {
      while (current !== null) await current;
    },
  };
}

function isSyncResult(value: unknown): value is SyncResult {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, errorKind } = value as { ok?: unknown; errorKind?: unknown };
  return ok === true || (ok === false && typeof errorKind === 'string');
}
