/**
 * The messages between main and the sync process. A sync (and a CSV export) runs in a process of
 * its own so that the tens of megabytes a large account's answer takes to read, parse and compare
 * never block the tray, the menus or the window's calls, and are handed back to the system as soon
 * as the job ends: the process exits after one job.
 *
 * The sync process owns nothing but its connection to the mirror: main keeps the settings (sent
 * with the job), the history (the process reports a run's start and end, and main writes them) and
 * the token (asked for when the run needs it, never written down by the process).
 */
import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import type { UpdatesFilter } from '../../common/ipc/view-types.ts';
import type { ExportTargetOptions } from '../core/export/export-target.ts';
import type { Settings } from '../../common/settings.ts';
import type { SyncProgress, SyncRunRecord, SyncTrigger } from '../../common/sync-types.ts';

/** The one job a sync process is started for. */
export type WorkerJob =
  | {
      readonly type: 'run';
      readonly dataDir: string;
      readonly trigger: SyncTrigger;
      readonly settings: Settings;
      readonly userAgent: string;
    }
  | {
      readonly type: 'export';
      readonly dataDir: string;
      readonly file: string;
      readonly filter: UpdatesFilter;
      /** The same rules main checked `file` by, checked again where it is written. */
      readonly target?: ExportTargetOptions;
    };

/** Main's answer to `token-request`: the token (null when none is stored), or why it is unreadable. */
export type TokenAnswer =
  | { readonly ok: true; readonly token: string | null }
  | { readonly ok: false; readonly detail: string; readonly message: LocalizedMessage };

export type ToWorker =
  | WorkerJob
  | { readonly type: 'cancel' }
  | { readonly type: 'token'; readonly answer: TokenAnswer };

export type FromWorker =
  | { readonly type: 'token-request' }
  | { readonly type: 'history-begin'; readonly run: SyncRunRecord }
  | { readonly type: 'history-finish'; readonly run: SyncRunRecord }
  | { readonly type: 'progress'; readonly progress: SyncProgress }
  | { readonly type: 'run-finished'; readonly run: SyncRunRecord }
  | { readonly type: 'exported'; readonly rows: number }
  | { readonly type: 'job-failed'; readonly detail: string }
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly line: string };

/**
 * One sync process as main sees it, whichever way it was started (Electron's utility process in
 * the app, a Node child in tests).
 */
export interface WorkerHandle {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once, when the process has ended for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process (SIGTERM); harmless after it ended. */
  kill(): void;
}

export type LaunchWorker = () => WorkerHandle;

/**
 * V8 settings of the sync process, as `npm run cli` and the benchmarks use: a small nursery keeps
 * a million short-lived records from being copied around, and the exposed collector lets the
 * engine free the answer's bytes before diffing (without them a million-contact sync peaked far
 * above the memory it needs: `npm run bench` shows the figures).
 */
export const WORKER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];

/** How long a process whose job is done waits for main to end it before exiting by itself. */
export const LINGER_AFTER_JOB_MS = 10_000;
