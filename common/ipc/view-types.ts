/**
 * The plain data the window reads from main: pages of the change log and of the sync history, and
 * the token's status. They live here, where the renderer may import them, and the ports in
 * `main/core/ports/` take them from here, so both sides speak of one type.
 */
import type { LocalizedMessage } from '../i18n/format-message.ts';
import type { ChangeKind, SyncRunRecord } from '../sync-types.ts';

/** What the Updates view shows and exports: which changes, in which order. */
export interface UpdatesFilter {
  /** Newest first, by the server's update time or by when the app detected the change. */
  readonly order: 'server-time' | 'detected-time';
  /** Only these kinds; absent or empty: all. */
  readonly kinds?: readonly ChangeKind[];
  /** Only changes detected at or after this instant (epoch ms). */
  readonly detectedSinceMs?: number;
  /** Only contacts whose decimal ID starts with these ASCII digits. */
  readonly idPrefix?: string;
}

/**
 * The most rows one page may ask for, of the change log or the history: the window's calls are
 * refused above it and the mirror holds to it too. Many screens' worth, a few hundred KB at most.
 */
export const MAX_PAGE_ROWS = 1000;

/** One page of the change log. */
export interface UpdatesQuery extends UpdatesFilter {
  /** 1 to `MAX_PAGE_ROWS`. */
  readonly limit: number;
  readonly offset?: number;
}

export interface UpdateRow {
  /** Position in the change log: increases with every change ever logged. */
  readonly seq: number;
  readonly id: string;
  readonly kind: ChangeKind;
  readonly updatedAtMs: number;
  readonly detectedAtMs: number;
  readonly runId: string;
}

export interface UpdatesPage {
  readonly rows: readonly UpdateRow[];
  /** Rows matching the whole query (all pages). */
  readonly total: number;
  /** Rows per kind matching the query's other filters (window and ID prefix), for the filter chips. */
  readonly totalsByKind: Readonly<Record<ChangeKind, number>>;
}

export interface HistoryQuery {
  /** 1 to `MAX_PAGE_ROWS`. */
  readonly limit: number;
  readonly offset?: number;
}

export interface HistoryPage {
  readonly runs: readonly SyncRunRecord[];
  readonly total: number;
}

/** Where the token is kept: the OS keychain, Electron safeStorage, or this run's memory only. */
export type SecretBackend = 'keychain' | 'safe-storage' | 'memory';

/** What the window may know about the token: never the token itself. */
export interface TokenStatus {
  readonly present: boolean;
  readonly backend: SecretBackend;
  /** False when the token is lost at exit (memory only): the window says so. */
  readonly persistent: boolean;
  /** Set when the store could not be read (a locked keychain): `present` is then false. */
  readonly problem?: LocalizedMessage;
}

/**
 * A store file that could not be read was moved aside and a fresh one started. Nothing is silently
 * discarded: the window tells the user, naming where the old file went. The stores report it
 * through `main/core/ports/store-recovery.ts`, which takes this type from here.
 */
export interface StoreRecovery {
  readonly store: 'settings' | 'history' | 'mirror';
  /** Full path of the file as moved aside (`<name>.corrupt-<timestamp>`). */
  readonly movedTo: string;
  /** Why it could not be read, in English, for the log. */
  readonly reason: string;
  readonly atMs: number;
}
