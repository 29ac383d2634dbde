/**
 * The runs the history chart draws, reduced to what it needs: the newest fifty, oldest first, with
 * the contacts each changed, and the numbers its spoken summary gives.
 */
import {
  changedContacts,
  type SyncOutcome,
  type SyncRunRecord,
} from '../../../common/sync-types.ts';

/** How many of the newest runs the chart shows. */
export const CHART_RUNS = 50;

/** How a run is marked besides its bar: failures stand out, a baseline is told apart. */
export type ChartMark = 'failed' | 'cancelled' | 'baseline' | 'running' | 'none';

export interface ChartRun {
  readonly id: string;
  readonly startedAtMs: number;
  readonly outcome: SyncOutcome;
  /** Contacts the run found changed; 0 for a baseline, which fills the mirror but changes nothing. */
  readonly changes: number;
  readonly durationMs: number | null;
}

/** The newest `CHART_RUNS` runs, newest first as main sends them, turned oldest first. */
export function toChartRuns(newestFirst: readonly SyncRunRecord[]): ChartRun[] {
  return newestFirst
    .slice(0, CHART_RUNS)
    .reverse()
    .map((run) => ({
      id: run.id,
      startedAtMs: run.startedAtMs,
      outcome: run.outcome,
      changes: run.outcome === 'baseline' ? 0 : changedContacts(run.counts),
      durationMs: run.outcome === 'running' ? null : run.durationMs,
    }));
}

export function markOf(outcome: SyncOutcome): ChartMark {
  switch (outcome) {
    case 'failed':
    case 'interrupted':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'baseline':
      return 'baseline';
    case 'running':
      return 'running';
    case 'success':
      return 'none';
  }
}

export interface ChartSummary {
  readonly runs: number;
  readonly changes: number;
  /** Null when no run has a duration. */
  readonly longestMs: number | null;
  /** Failed or interrupted runs. */
  readonly failed: number;
}

export function summarise(runs: readonly ChartRun[]): ChartSummary {
  const durations = runs.flatMap((run) => (run.durationMs === null ? [] : [run.durationMs]));
  return {
    runs: runs.length,
    changes: runs.reduce((sum, run) => sum + run.changes, 0),
    longestMs: durations.length === 0 ? null : Math.max(...durations),
    failed: runs.filter((run) => markOf(run.outcome) === 'failed').length,
  };
}
