import type { ChangeKind } from '../../../common/sync-types.ts';

/** A contact as the mirror holds it: the last answer's values, plus whether it went missing. */
export interface MirrorRow {
  readonly id: string;
  readonly updatedAtMs: number;
  readonly deleted: boolean;
  /** In the mirror but absent from the latest answer. */
  readonly missing: boolean;
}

/**
 * A contact to write. `missing` may be left out for a contact present in the answer (false): a
 * baseline then hands the parsed records over as they are, without a million copies.
 */
export interface MirrorUpsert {
  readonly id: string;
  readonly updatedAtMs: number;
  readonly deleted: boolean;
  readonly missing?: boolean;
}

/** One detected change, appended to the change log. */
export interface MirrorChange {
  readonly id: string;
  readonly kind: ChangeKind;
  /** The contact's server update time (for `missing`: the last one known). */
  readonly updatedAtMs: number;
}

/** Everything one sync writes, applied in one transaction: all of it lands, or none of it. */
export interface MirrorCommit {
  readonly runId: string;
  readonly detectedAtMs: number;
  /** New and changed contacts with their new state (a contact going missing included). */
  readonly upserts: readonly MirrorUpsert[];
  /** Empty for a baseline. */
  readonly changes: readonly MirrorChange[];
  /** Identifies the answer this commit came from; an identical next answer needs no diff. */
  readonly answerFingerprint: string;
  readonly received: number;
  /** What the mirror mirrors from this commit on (see main/core/sync/mirror-identity.ts). */
  readonly identity?: MirrorIdentity;
  /**
   * A new baseline of another server, group or time zone: every contact row is replaced by
   * `upserts` in the same transaction. The change log is kept: its rows were real changes.
   */
  readonly replaceContacts?: boolean;
}

/** The server, contact group and server time zone a mirror's rows come from. */
export interface MirrorIdentity {
  readonly baseUrl: string;
  readonly contactGroupId: string;
  readonly serverTimeZone: string;
}

export interface LastCommit {
  readonly runId: string;
  readonly answerFingerprint: string;
  readonly committedAtMs: number;
  readonly received: number;
}

/** The change-log view types are the window's own (common/), so main and renderer cannot drift. */
export type {
  UpdateRow,
  UpdatesFilter,
  UpdatesPage,
  UpdatesQuery,
} from '../../../common/ipc/view-types.ts';
import type {
  UpdateRow,
  UpdatesFilter,
  UpdatesPage,
  UpdatesQuery,
} from '../../../common/ipc/view-types.ts';

export interface RetentionPolicy {
  readonly maxAgeDays: number;
  readonly maxRows: number;
}

/**
 * The local copy of the account's contacts and the log of what changed. Implemented over SQLite in
 * `main/adapters/sqlite/`; the sync engine only sees this interface.
 */
export interface ContactMirror {
  /**
   * Visits every contact's ID and packed state (`packState` in core/sync/diff.ts), for
   * the diff, in no promised order. A million rows are read on every sync: handing over the one
   * number the store keeps spares building and unpacking a row object for each.
   */
  readStates(visit: (id: string, state: number) => void): void;
  count(): number;
  /** Applies one sync atomically (mirror rows, change log, last-commit record). */
  commit(commit: MirrorCommit): void;
  /** The latest commit; after a crash it tells whether a run's commit happened. */
  lastCommit(): LastCommit | null;
  /** What the mirror mirrors; null for an empty mirror or one from before identities were kept. */
  identity(): MirrorIdentity | null;
  /**
   * Folds the WAL into the database file as far as readers allow, so a full disk shows as a
   * failed sync rather than after it, at close. Throws the storage's error.
   */
  checkpoint(): void;
  queryUpdates(query: UpdatesQuery): UpdatesPage;
  /** Visits every change-log row the filters match, newest first; returns how many. */
  forEachUpdate(filter: UpdatesFilter, visit: (row: UpdateRow) => void): number;
  /** Removes change-log entries beyond the policy; returns how many went. */
  applyRetention(policy: RetentionPolicy, nowMs: number): number;
  close(): void;
}
