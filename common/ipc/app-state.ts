/**
 * Everything the window needs to draw the app's status without asking twice: main pushes it whole
 * on `state.changed`, so the window never polls and never assembles it from partial events.
 */
import type { ErrorKind } from '../amoot-types.ts';
import type { SyncResult, SyncRunRecord } from '../sync-types.ts';
import type { StoreRecovery, TokenStatus } from './view-types.ts';

/**
 * What the tray and the settings page offer. `untilTomorrowAt` is a local wall-clock time
 * (`HH:MM`, 24-hour) on the next calendar day, because that is how people say it.
 */
export type PauseRequest =
  { readonly for: number } | { readonly untilTomorrowAt: string } | { readonly untilResumed: true };

/** A pause in force: until an instant (epoch ms), or until the user resumes. */
export type PauseInfo =
  { readonly untilResumed: true } | { readonly untilResumed: false; readonly untilMs: number };

/** Failures no retry can fix: automatic syncs wait until the token or the settings change. */
export type BlockKind = Extract<ErrorKind, 'auth' | 'input'>;

/**
 * No run: the window's previous manual sync started moments ago (manual syncs are rate-limited).
 * `retryAtMs` (epoch ms) is when Sync now may be pressed again.
 */
export interface SyncTooSoon {
  readonly ok: false;
  readonly tooSoon: true;
  readonly retryAtMs: number;
}

/** How a sync started from the window ended, or why none started. */
export type SyncNowResult = SyncResult | SyncTooSoon;

export interface AppState {
  /** The newest run in the history (finished or still running); null before the first. */
  readonly lastRun: SyncRunRecord | null;
  /** When the next automatic sync is due (epoch ms); null when none will come on its own. */
  readonly nextRunAtMs: number | null;
  readonly paused: PauseInfo | null;
  readonly blocked: BlockKind | null;
  readonly online: boolean;
  readonly syncing: boolean;
  /** Store files moved aside at start-up, to be shown until the app restarts. */
  readonly storeRecoveries: readonly StoreRecovery[];
  readonly token: TokenStatus;
}

/** Sent after a sync changed the change log, so an open Updates view reloads its page. */
export interface UpdatesChanged {
  readonly runId: string;
}
