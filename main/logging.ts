/**
 * The app's log: electron-log writing one rotating file in the OS's logs folder. The electron-log
 * instance comes in as a parameter (`electron-log/main` in the app, `electron-log/node` in tests),
 * so this file never loads Electron itself. DESIGN.md: "Logs rotate, and redact the token
 * wherever it could appear" — every message passes the redacting hook before any transport
 * formats it, whatever a caller logs (a string, an error with its stack and cause, an object).
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { inspect } from 'node:util';
import type { Hook, LogFile, LogMessage, NodeLogger } from 'electron-log';
import { REDACTED, redactSecrets } from './core/token/redact.ts';

/** What core and shell code are given to log with: one line at a time, by severity. */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface LoggingOptions {
  /** Where `main.log` and its archives go: `app.getPath('logs')` in the app. */
  readonly folder: string;
  /** A packaged app writes nothing to the console (nobody reads it) and logs less detail. */
  readonly production: boolean;
  /** The secrets to remove from every message, read per message: the token once it is known. */
  readonly secrets: () => readonly string[];
  /** The size at which `main.log` is archived; about 1 MB by default. */
  readonly maxBytes?: number;
  /** How many archives (`main.1.log` … `main.N.log`) are kept; 3 by default. */
  readonly keepArchives?: number;
}

export const LOG_FILE_NAME = 'main.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP_ARCHIVES = 3;

/**
 * Sets `log` up as the app's log and returns the narrow `Logger` to hand to other modules. The
 * file is created readable by the user only: it names files, hosts and error details that are
 * nobody else's business even with the token removed. The ipc and remote transports are turned
 * off: log lines must not travel to the renderer's devtools or over the network.
 */
export function configureLogging(log: NodeLogger, options: LoggingOptions): Logger {
  const { file, console: toConsole } = log.transports;
  file.resolvePathFn = () => join(options.folder, LOG_FILE_NAME);
  file.maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES;
  file.archiveLogFn = rotateArchives(options.keepArchives ?? DEFAULT_KEEP_ARCHIVES);
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  file.level = options.production ? 'info' : 'debug';
  toConsole.level = options.production ? false : 'debug';
  for (const name of ['ipc', 'remote']) {
    const transport = log.transports[name];
    if (transport !== null && transport !== undefined) transport.level = false;
  }
  log.hooks.push(redactingHook(options.secrets));
  return {
    info: (line) => log.info(line),
    warn: (line) => log.warn(line),
    error: (line) => log.error(line),
  };
}

/** The folder "Open logs folder" shows: the one holding the current log file. */
export function logsFolder(log: NodeLogger): string {
  return dirname(log.transports.file.getFile().path);
}

/**
 * An electron-log hook replacing every value of a message by its text with secrets removed.
 * Non-strings are turned into text here, with the same `util.inspect` electron-log would use,
 * because a secret can sit anywhere inside them (an error's message, stack or cause, a request's
 * headers) and no transport may see the original.
 */
export function redactingHook(secrets: () => readonly string[]): Hook {
  return (message: LogMessage) => {
    const known = secrets();
    return { ...message, data: message.data.map((value: unknown) => redactValue(value, known)) };
  };
}

/** `text` with every secret and every `Authorization` value replaced by the redaction mark. */
export function redactLogText(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets).replace(AUTHORIZATION_VALUE, `$1${REDACTED}`);
}

/**
 * An Authorization (or Proxy-Authorization) header as it shows up in text: `Authorization: x`,
 * `"authorization":"x"`, `authorization: 'x'` (util.inspect), `'Authorization' => 'x'` (a Map).
 * The value starts at its first non-blank character and runs to the end of the line or the next
 * quote, comma, semicolon, `&` (a form body) or closing bracket; a value already redacted is left alone.
 */
// The negative look-ahead is REDACTED, escaped.
const AUTHORIZATION_VALUE =
  /(authorization['"]?\s*(?::|=>?)\s*['"]?)(?!\[redacted\])[^\s'",;&}\]](?:[^'"\r\n,;&}\]]*[^\s'",;&}\]])?/gi;

const INSPECT_OPTIONS = { depth: 5, breakLength: Infinity } as const;

function redactValue(value: unknown, secrets: readonly string[]): string {
  const text = typeof value === 'string' ? value : inspect(value, INSPECT_OPTIONS);
  return redactLogText(text, secrets);
}

/**
 * electron-log's own rotation keeps a single `main.old.log`; this keeps `keep` archives, newest
 * first: `main.log` → `main.1.log` → … → `main.<keep>.log`, the oldest dropped. If the current
 * file cannot be moved (another program holds it open on Windows), it is emptied instead, so the
 * log never grows past its limit.
 */
export function rotateArchives(keep: number): (file: LogFile) => void {
  return (file) => {
    const { dir, name, ext } = parse(file.path);
    const archive = (index: number): string => join(dir, `${name}.${index}${ext}`);
    try {
      rmSync(archive(keep), { force: true });
      for (let index = keep - 1; index >= 1; index -= 1) {
        try {
          renameSync(archive(index), archive(index + 1));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      renameSync(file.path, archive(1));
    } catch {
      file.clear();
    }
  };
}
