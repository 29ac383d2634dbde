/**
 * The app's log, set up before anything else can fail: electron-log's main instance writing
 * `main.log` in the OS's logs folder, redacting whatever token a request holds at the moment.
 */
import type { IpcMain } from 'electron';
import type { NodeLogger } from 'electron-log';
import { configureLogging, logsFolder, type Logger } from './logging.ts';
import type { SecretsInUse } from '../lifecycle/secrets-in-use.ts';

export interface AppLoggingDeps {
  /** `app.getPath('logs')`. */
  readonly folder: string;
  /** `app.isPackaged`: a packaged app logs less and nothing to the console. */
  readonly production: boolean;
  readonly secrets: SecretsInUse;
}

export interface AppLogging {
  readonly log: Logger;
  /** The folder "Open logs folder" shows. */
  readonly folder: () => string;
}

export function setupAppLogging(electronLog: NodeLogger, deps: AppLoggingDeps): AppLogging {
  const log = configureLogging(electronLog, {
    folder: deps.folder,
    production: deps.production,
    secrets: () => deps.secrets.current(),
  });
  // In a packaged app nobody sees the console: an uncaught error must at least reach the log
  // (through the same redacting hook). During development the console shows it as it is.
  if (deps.production) electronLog.errorHandler.startCatching({ showDialog: false });
  return { log, folder: () => logsFolder(electronLog) };
}

/** The channel electron-log/main listens and answers on, as its `src/main/index.js` names it. */
export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/**
 * Undoes what importing `electron-log/main` does to IPC: it registers an `ipcMain.on` listener
 * that writes whatever any frame sends as a log line (forged lines, an `error` that would make the
 * error handler show a box) and an `ipcMain.handle` answering any frame, neither checking the
 * sender. The app logs from main only (the renderer's transport is never set up), so both go.
 * Called right after the import, before any window exists.
 */
export function closeElectronLogIpc(
  ipcMain: Pick<IpcMain, 'removeAllListeners' | 'removeHandler'>,
): void {
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
}
