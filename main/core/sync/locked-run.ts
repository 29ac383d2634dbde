/**
 * A sync holds its data folder's writer lock from before its history entry is written until its
 * final entry is: no other process (a second cli, the app beside a cli) diffs the same mirror or
 * rewrites the same history meanwhile. Shared by the engine (cli, tests, the app without sync
 * processes) and by main's engine for sync processes.
 */
import { randomUUID } from 'node:crypto';
import type { SyncRunRecord, SyncTrigger } from '../../../common/sync-types.ts';
import { amootError, type AmootError } from '../amoot/amoot-error.ts';
import type { ContactMirror } from '../ports/contact-mirror.ts';
import type { HistoryStore } from '../ports/history-store.ts';
import type { WriterLock } from '../ports/writer-lock.ts';
import { failedRun, startedRun } from './run-record.ts';
import { BUSY_FAILURE } from './store-failure.ts';

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
