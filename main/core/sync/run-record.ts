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
  };
}

/** Counts for an answer identical to the last applied one: every contact unchanged. */
export function unchangedCounts(received: number): SyncCounts {
  return syncCounts(received, { unchanged: received });
}
