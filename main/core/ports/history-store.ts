import type { SyncRunRecord } from '../../../common/sync-types.ts';

export type { HistoryPage } from '../../../common/ipc/view-types.ts';
import type { HistoryPage } from '../../../common/ipc/view-types.ts';

/**
 * The sync history: bounded in count and bytes, newest first. A run is written as `running` before
 * its commit and completed after it, so a crash in between is visible at the next start.
 */
export interface HistoryStore {
  /** Records a run that has started (outcome `running`). */
  begin(run: SyncRunRecord): void;
  /** Replaces the entry with the same id by its final form. */
  finish(run: SyncRunRecord): void;
  list(options: { limit: number; offset?: number }): HistoryPage;
  clear(): void;
  /**
   * Marks every run still `running` (the app stopped during it) as `interrupted`; `wasCommitted`
   * tells from the mirror whether its changes landed. Returns the runs it changed.
   */
  recoverInterrupted(wasCommitted: (runId: string) => boolean): SyncRunRecord[];
}
