import type { SyncRunRecord } from '../../common/sync-types.ts';
import type { HistoryPage, HistoryStore } from '../../main/core/ports/history-store.ts';

/** An unbounded in-memory HistoryStore for engine unit tests; newest first like the real one. */
export class MemoryHistory implements HistoryStore {
  runs: SyncRunRecord[] = [];
  begin(run: SyncRunRecord): void {
    this.runs.unshift(run);
  }
  finish(run: SyncRunRecord): void {
    this.runs = this.runs.map((existing) => (existing.id === run.id ? run : existing));
  }
  list(options: { limit: number; offset?: number }): HistoryPage {
    const offset = options.offset ?? 0;
    return { runs: this.runs.slice(offset, offset + options.limit), total: this.runs.length };
  }
  clear(): void {
    this.runs = [];
  }
  recoverInterrupted(wasCommitted: (runId: string) => boolean): SyncRunRecord[] {
    const changed: SyncRunRecord[] = [];
    this.runs = this.runs.map((run) => {
      if (run.outcome !== 'running') return run;
      const recovered: SyncRunRecord = {
        ...run,
        outcome: 'interrupted',
        committed: wasCommitted(run.id),
        message: { key: 'sync.interrupted' },
      };
      changed.push(recovered);
      return recovered;
    });
    return changed;
  }
}
