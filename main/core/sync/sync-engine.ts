/**
 * The sync engine: one run at a time, under the data folder's writer lock, recorded in the
 * history, with the token read afresh for each run. Where the run's steps happen is its
 * transport: in this process (`in-process-transport.ts`: the cli, the bench, tests) or in a sync
 * process of its own (`sync-worker/process-transport.ts`: the app, so main never blocks on a large
 * account). Either way the history, the settings and the token stay with the engine's caller.
 */
import { randomUUID } from 'node:crypto';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Settings } from '../../../common/settings.ts';
import type { SyncProgress, SyncRunRecord, SyncTrigger } from '../../../common/sync-types.ts';
import { amootError, type AmootError } from '../amoot/amoot-error.ts';
import type { Clock } from '../ports/clock.ts';
import type { HistoryStore } from '../ports/history-store.ts';
import { failedRun, startedRun } from './run-record.ts';
import { createRunGate } from './run-gate.ts';
import { storeFailureOf, BUSY_FAILURE } from './store-failure.ts';
import { describeError } from '../describe-error.ts';
import type { ContactMirror } from '../ports/contact-mirror.ts';
import type { WriterLock } from '../ports/writer-lock.ts';

/** The part of the history a run writes: its entry at the start and its final form at the end. */
export type RunJournal = Pick<HistoryStore, 'begin' | 'finish'>;

/** Where a line goes: `warn` and `error` are the engine's own troubles, `info` what a run did. */
export type EngineLog = (line: string, level?: 'info' | 'warn' | 'error') => void;

/** What one run's steps are given by the engine, wherever they run. */
export interface RunContext {
  readonly trigger: SyncTrigger;
  /** Read once when the run starts: a change saved meanwhile applies from the next run. */
  readonly settings: Settings;
  readonly history: RunJournal;
  /**
   * Read from the vault for each run and dropped after it: the engine never keeps the token. An
   * error carrying a `localized` message (the vault's own) fails the run with that message.
   */
  readonly readToken: () => Promise<string | null>;
  /** Fires on `cancel()`: the run ends as `cancelled` with the stores untouched. */
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Technical lines for the log file; never given the token. */
  readonly log?: EngineLog;
}

/**
 * Runs one sync's steps and resolves with its final record, written to `context.history`. Called
 * with the writer lock held and at most one run at a time.
 */
export type SyncTransport = (context: RunContext) => Promise<SyncRunRecord>;

export interface SyncEngineDeps extends LockedRunDeps {
  readonly transport: SyncTransport;
  /** Where runs are recorded as they start and end. */
  readonly history: RunJournal;
  readonly settings: () => Settings;
  readonly readToken: () => Promise<string | null>;
  readonly clock: Pick<Clock, 'nowMs'>;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onRunFinished?: (run: SyncRunRecord) => void;
  readonly log?: EngineLog;
  /** Why the settings must not be synced (a stored value that cannot be used), or null. */
  readonly settingsBlocker?: () => LocalizedMessage | null;
  /** The data folder, named when the disk refuses a write no path came with. */
  readonly storePath?: string;
}

export interface SyncEngine {
  /** Runs one sync, or joins the one already running (single flight). */
  run(trigger: SyncTrigger): Promise<SyncRunRecord>;
  /** Cancels the running sync, if any; it ends as `cancelled` with the stores untouched. */
  cancel(): void;
  isRunning(): boolean;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const log: EngineLog = (line, level = 'info') => deps.log?.(line, level);
  // One controller per run, made as the gate starts it: `cancel()` reaches the run going only.
  let controller: AbortController | null = null;
  const gate = createRunGate<SyncRunRecord>({
    run: (trigger) => {
      const own = new AbortController();
      controller = own;
      return execute(trigger, own.signal);
    },
  });

  /** The run, under the folder's writer lock; a refused one is answered, not recorded. */
  async function execute(trigger: SyncTrigger, signal: AbortSignal): Promise<SyncRunRecord> {
    const outcome = await underWriterLock(
      { ...deps, log: (line) => log(line, 'warn') },
      signal,
      async () => {
        const blocked = deps.settingsBlocker?.() ?? null;
        const record =
          blocked === null
            ? await deps.transport({
                trigger,
                settings: deps.settings(),
                history: deps.history,
                readToken: deps.readToken,
                signal,
                ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
                log,
              })
            : blockedRun(trigger, blocked);
        return finished(record);
      },
    );
    return outcome.ran ? outcome.value : finished(unrecorded(trigger, outcome.error));
  }

  function unrecorded(trigger: SyncTrigger, error: AmootError): SyncRunRecord {
    return unstartedRun(trigger, deps.clock.nowMs(), error, (line) => log(line, 'warn'));
  }

  /** Settings that cannot be used: a failed run in the history, no request and no token read. */
  function blockedRun(trigger: SyncTrigger, message: LocalizedMessage): SyncRunRecord {
    const started = startedRun(randomUUID(), trigger, deps.clock.nowMs());
    const error = amootError('settings', message, 'a saved setting cannot be used');
    const record = failedRun(started, { durationMs: 0, attempts: 0, error });
    try {
      deps.history.begin(started);
      deps.history.finish(record);
    } catch (cause) {
      const failure = storeFailureOf(cause, deps.storePath ?? '');
      if (failure === null) throw cause;
      return unrecorded(trigger, failure);
    }
    return record;
  }

  /** The run's listeners, told once; one that throws is logged and never fails the run. */
  function finished(record: SyncRunRecord): SyncRunRecord {
    try {
      deps.onRunFinished?.(record);
    } catch (error) {
      log(`a listener of the finished run failed: ${describeError(error, 'summary')}`, 'error');
    }
    return record;
  }

  return {
    run: (trigger) => gate.join(trigger),
    cancel: () => {
      if (gate.running) controller?.abort();
    },
    isRunning: () => gate.running,
  };
}

/**
 * A sync holds its data folder's writer lock from before its history entry is written until its
 * final entry is: no other process (a second cli, the app beside a cli) diffs the same mirror or
 * rewrites the same history meanwhile. Shared by the engine (cli, tests, the app without sync
 * processes) and by main's engine for sync processes.
 */

/** How long a run waits for another writer of the folder before it is refused. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

export interface LockedRunDeps {
  readonly writerLock?: WriterLock;
  readonly lockWaitMs?: number;
  /** Marks runs a dead process left `running`: only safe once the lock is held. */
  readonly recoverInterrupted?: () => void;
  readonly log?: (line: string) => void;
}

export type LockedOutcome<T> =
  { readonly ran: true; readonly value: T } | { readonly ran: false; readonly error: AmootError };

/**
 * Runs `body` holding the lock (no lock given: as it is). Refused — `busy` after `lockWaitMs`, or
 * `cancelled` when `signal` fires while waiting — `body` does not run.
 */
export async function underWriterLock<T>(
  deps: LockedRunDeps,
  signal: AbortSignal,
  body: () => Promise<T>,
): Promise<LockedOutcome<T>> {
  const release = deps.writerLock
    ? await deps.writerLock.acquire(deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, signal)
    : () => undefined;
  if (release === null) {
    const error = signal.aborted
      ? amootError(
          'cancelled',
          { key: 'error.cancelled' },
          'cancelled while waiting for the folder',
        )
      : BUSY_FAILURE;
    return { ran: false, error };
  }
  try {
    try {
      deps.recoverInterrupted?.();
    } catch (error) {
      deps.log?.(`recovering interrupted runs failed: ${String(error)}`);
    }
    return { ran: true, value: await body() };
  } finally {
    release();
  }
}

/**
 * The record of a run that never started (refused, or its history entry could not be written):
 * answered to the caller, not written to the history — another process owns it meanwhile, or
 * the disk refused it.
 */
export function unstartedRun(
  trigger: SyncTrigger,
  nowMs: number,
  error: AmootError,
  log?: (line: string) => void,
): SyncRunRecord {
  const started = startedRun(randomUUID(), trigger, nowMs);
  log?.(`sync ${started.id} ${trigger} not run (${error.kind}): ${error.detail}`);
  return failedRun(started, { durationMs: 0, attempts: 0, error });
}

/**
 * At start-up (and after a sync process died): runs left `running` become `interrupted`, and the
 * mirror's last commit tells whether each one's changes landed.
 */
export function recoverInterruptedRuns(
  history: Pick<HistoryStore, 'recoverInterrupted'>,
  mirror: Pick<ContactMirror, 'lastCommit'>,
): SyncRunRecord[] {
  return history.recoverInterrupted((runId) => mirror.lastCommit()?.runId === runId);
}
