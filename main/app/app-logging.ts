/**
 * The app's log, set up before anything else can fail: electron-log's main instance writing
 * `main.log` in the OS's logs folder, redacting whatever token a request holds at the moment.
 */
import type { NodeLogger } from 'electron-log';
import { configureLogging, logsFolder, type Logger } from '../logging.ts';
import type { SecretsInUse } from './secrets-in-use.ts';

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

/** An error's stack (or text) for one log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
