import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import {
  syncCounts,
  type SyncCounts,
  type SyncRunRecord,
  type SyncTrigger,
} from '../../../common/sync-types.ts';
import type { AmootError } from '../amoot/amoot-error.ts';

/** The history entry written before anything else happens in a run. */
export function startedRun(id: string, trigger: SyncTrigger, startedAtMs: number): SyncRunRecord {
  return {
    id,
    trigger,
    startedAtMs,
    durationMs: null,
    attempts: 0,
    outcome: 'running',
    status: null,
    errorKind: null,
    message: null,
    counts: null,
    committed: false,
    warnings: [],
  };
}

export function succeededRun(
  run: SyncRunRecord,
  done: {
    durationMs: number;
    attempts: number;
    baseline: boolean;
    counts: SyncCounts;
    warnings: LocalizedMessage[];
    /** False for an answer identical to the last one: nothing was written, nothing needed to be. */
    committed: boolean;
  },
): SyncRunRecord {
  return {
    ...run,
    durationMs: done.durationMs,
    attempts: done.attempts,
    outcome: done.baseline ? 'baseline' : 'success',
    status: 'Success',
    counts: done.counts,
    committed: done.committed,
    warnings: done.warnings,
  };
}

export function failedRun(
  run: SyncRunRecord,
  done: { durationMs: number; attempts: number; error: AmootError },
): SyncRunRecord {
  return {
    ...run,
    durationMs: done.durationMs,
    attempts: done.attempts,
    outcome: done.error.kind === 'cancelled' ? 'cancelled' : 'failed',
    status: done.error.status,
    errorKind: done.error.kind,
    message: done.error.message,
    ...rateLimitWait(done.error),
  };
}

/**
 * The server's Retry-After of a rate-limited run, rounded up to the whole seconds its message
 * shows. Only a rate limit asks the scheduler to wait: a 5xx's Retry-After is honoured within the
 * run's own retries, and the scheduler backs off from it as from any server failure.
 */
function rateLimitWait(error: AmootError): Pick<SyncRunRecord, 'retryAfterMs'> {
  if (error.kind !== 'rate-limit' || error.retryAfterMs === undefined) return {};
  return { retryAfterMs: Math.ceil(error.retryAfterMs / 1000) * 1000 };
}

/** Counts for an answer identical to the last applied one: every contact unchanged. */
export function unchangedCounts(received: number): SyncCounts {
  return syncCounts(received, { unchanged: received });
}
