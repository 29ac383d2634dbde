/**
 * A finished run as the scheduler needs it. The engine's history record carries the user's
 * message but not the server's Retry-After as a number; a rate-limit message carries it as its
 * `seconds` parameter, which is read back so the scheduler waits as long as the server asked.
 */
import type { SyncRunRecord } from '../../common/sync-types.ts';
import type { SyncResult } from '../core/scheduler/scheduler-types.ts';

export function toSyncResult(run: SyncRunRecord): SyncResult {
  if (run.outcome === 'success' || run.outcome === 'baseline') return { ok: true };
  const errorKind = run.errorKind ?? (run.outcome === 'cancelled' ? 'cancelled' : 'unknown');
  const retryAfterMs = retryAfterOf(run);
  return retryAfterMs === undefined
    ? { ok: false, errorKind }
    : { ok: false, errorKind, retryAfterMs };
}

function retryAfterOf(run: SyncRunRecord): number | undefined {
  if (run.errorKind !== 'rate-limit' || run.message?.key !== 'error.rate-limit') return undefined;
  const seconds = run.message.params?.['seconds'];
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}
