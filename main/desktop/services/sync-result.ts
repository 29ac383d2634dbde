/**
 * A finished run as the scheduler needs it: whether to wait the interval, back off, or stop, and
 * how long the server asked it to wait (kept on the run record itself).
 */
import type { SyncResult, SyncRunRecord } from '../../../common/sync-types.ts';

export function toSyncResult(run: SyncRunRecord): SyncResult {
  if (run.outcome === 'success' || run.outcome === 'baseline') return { ok: true };
  const errorKind = run.errorKind ?? (run.outcome === 'cancelled' ? 'cancelled' : 'unknown');
  return run.retryAfterMs === undefined
    ? { ok: false, errorKind }
    : { ok: false, errorKind, retryAfterMs: run.retryAfterMs };
}
