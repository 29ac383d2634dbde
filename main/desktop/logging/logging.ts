/**
 * The app's log: electron-log writing one rotating file in the OS's logs folder. The electron-log
 * instance comes in as a parameter (`electron-log/main` in the app, `electron-log/node` in tests),
 * so this file never loads Electron itself. DESIGN.md: "Logs rotate, and redact the token
 * wherever it could appear" — every message passes the redacting hook before any transport
 * formats it, whatever a caller logs (a string, an error with its stack and cause, an object).
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { inspect } from 'node:util';
import { makeFolderPrivate } from '../../adapters/owner-only-folder.ts';
import type { Hook, LogFile, LogMessage, NodeLogger } from 'electron-log';
import { REDACTED, redactSecrets } from '../../core/token/redact.ts';

/** What core and desktop code are given to log with: one line at a time, by severity. */
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
  keepPrivate(options.folder);
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

/**
 * The logs folder is the user's alone (0700) and so is every log in it (0600): the lines name
 * files, hosts and error details. electron-log would create the folder 0755, and a folder or log
 * left by an older version keeps its mode, so both are set on every start. Failing here is not
 * fatal: the file transport reports its own errors, and the app must start to be usable.
 */
function keepPrivate(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    makeFolderPrivate(folder, (name) => LOG_FILE_PATTERN.test(name));
  } catch {
    // See above: the log stays as private as the OS lets it be.
  }
}

/** `main.log` and its archives `main.<n>.log`, as `rotateArchives` names them. */
const LOG_FILE_PATTERN = /^main(?:\.\d+)?\.log$/;

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
  return redactSecrets(text, secrets)
    .replace(QUOTED_AUTHORIZATION, `$1$2${REDACTED}`)
    .replace(FORM_AUTHORIZATION, `$1${REDACTED}`)
    .replace(HEADER_AUTHORIZATION, `$1${REDACTED}`);
}

/*
 * An Authorization (or Proxy-Authorization) value as it shows up in text, known token or not. A
 * token may hold any printable character but a blank (`checkToken`), `, ; & ' "` included, so a
 * value never ends at one of those unless the form it is in escapes them:
 * - quoted (`"authorization":"x"`, util.inspect's `authorization: 'x'`, a Map's `=> 'x'`): up to
 *   the same quote unescaped, since JSON and inspect escape that quote inside;
 * - a form or query field (`authorization=x&…`): up to `&` or a blank, since the value is
 *   percent-encoded there;
 * - a header line (`Authorization: x`), or a quoted value the first pattern could not close (a
 *   token that starts with its quote, `''x`): to the end of the line.
 * A value already redacted is left alone (the negative look-aheads are REDACTED, escaped).
 */
const QUOTED_AUTHORIZATION =
  /(authorization['"`]?\s*(?::|=>?)\s*)(['"`])(?!\[redacted\]\2)(?:\\.|(?!\2)[^\\\r\n])+(?=\2|[\r\n]|$)/gi;
const FORM_AUTHORIZATION = /(authorization=)(?!\[redacted\])[^\s&'"`]+/gi;
const HEADER_AUTHORIZATION =
  /(authorization['"`]?\s*(?::|=>)\s*)(?!['"`]?\[redacted\])\S[^\r\n]*/gi;

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
