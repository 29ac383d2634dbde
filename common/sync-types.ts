import type { ErrorKind } from './amoot-types.ts';
import type { LocalizedMessage } from './i18n/format-message.ts';

/**
 * What a sync found for one contact, compared with the local mirror:
 * - `added`: not in the mirror before;
 * - `updated`: its `UpdateDateTime` changed;
 * - `deleted`: its `Deleted` flag became true (or it arrived already deleted);
 * - `restored`: its `Deleted` flag went back to false;
 * - `missing`: in the mirror, absent from this answer (recorded, never deleted from the mirror).
 */
export const CHANGE_KINDS = ['added', 'updated', 'deleted', 'restored', 'missing'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Why a sync ran; history shows it and the scheduler uses it. */
export const SYNC_TRIGGERS = [
  'startup',
  'schedule',
  'manual',
  'tray',
  'resume',
  'online',
  'settings',
  'cli',
] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/**
 * How a run ended. `baseline`: the first sync of an empty mirror, which fills it and logs no
 * per-contact change. `interrupted`: the app stopped (crash, power cut) while the run was going.
 */
export type SyncOutcome =
  'running' | 'success' | 'baseline' | 'failed' | 'cancelled' | 'interrupted';

export interface SyncCounts {
  readonly received: number;
  readonly added: number;
  readonly updated: number;
  readonly deleted: number;
  readonly restored: number;
  readonly missing: number;
  readonly unchanged: number;
}

/** A zero for every change kind, ready to be added to. */
export function zeroTotals(): Record<ChangeKind, number> {
  return { added: 0, updated: 0, deleted: 0, restored: 0, missing: 0 };
}

/** The counts of a run that received `received` contacts: zero but for what `some` gives. */
export function syncCounts(
  received: number,
  some: Partial<Omit<SyncCounts, 'received'>> = {},
): SyncCounts {
  return { received, ...zeroTotals(), unchanged: 0, ...some };
}

/** How many contacts a run found changed, of every kind (`unchanged` not included). */
export function changedContacts(counts: SyncCounts | null): number {
  if (counts === null) return 0;
  return counts.added + counts.updated + counts.deleted + counts.restored + counts.missing;
}

/** One entry of the sync history, as stored and as the UI shows it. */
export interface SyncRunRecord {
  readonly id: string;
  readonly trigger: SyncTrigger;
  readonly startedAtMs: number;
  /** Null while running, and for a run that was interrupted before it could say. */
  readonly durationMs: number | null;
  readonly attempts: number;
  readonly outcome: SyncOutcome;
  /** The API's Status title, when the API answered. */
  readonly status: string | null;
  readonly errorKind: ErrorKind | null;
  readonly message: LocalizedMessage | null;
  readonly counts: SyncCounts | null;
  /**
   * Whether this run wrote to the mirror: true for a success or baseline that committed, false for
   * a failure and for an answer identical to the last one (nothing to write). The mirror's last
   * commit is always the newest run with `committed` true.
   */
  readonly committed: boolean;
  readonly warnings: readonly LocalizedMessage[];
  /**
   * Set when this run started a new baseline because the mirror was of another server, group or
   * server time zone (main/core/sync/mirror-identity.ts): its contacts were replaced, not compared.
   */
  readonly newBaseline?: NewBaseline;
  /**
   * Set on a run that ended rate-limited with a Retry-After: the wait the server asked for, in
   * whole seconds as the run's message tells the user, so the scheduler waits exactly that long.
   */
  readonly retryAfterMs?: number;
}

/**
 * How one run ended, as far as whoever started it cares: the scheduler (wait the interval, back
 * off, or stop trying) and the window's Sync now button. The history keeps the details.
 */
export type SyncResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly errorKind: ErrorKind; readonly retryAfterMs?: number };

/** What differed between the settings a run used and what the mirror mirrored. */
export const NEW_BASELINE_REASONS = ['server', 'group', 'time-zone'] as const;
export type NewBaselineReason = (typeof NEW_BASELINE_REASONS)[number];
export interface NewBaseline {
  readonly reason: NewBaselineReason;
}

/** Where a running sync is, for the progress shown to the user. */
export type SyncPhase = 'connecting' | 'downloading' | 'comparing' | 'saving' | 'waiting-to-retry';

export interface SyncProgress {
  readonly runId: string;
  readonly phase: SyncPhase;
  readonly attempt: number;
  readonly bytesReceived: number;
  /** For `waiting-to-retry`: when the next attempt starts (epoch ms). */
  readonly retryAtMs?: number;
}
