import Database from 'better-sqlite3';
import { describeError } from '../../core/describe-error.ts';

/**
 * The file cannot be our mirror: damaged, not a database at all, or a database of another program.
 * Opening moves such a file aside and starts afresh (see `openContactMirror` in sqlite-contact-mirror.ts).
 */
export class MirrorFileDamagedError extends Error {
  override readonly name = 'MirrorFileDamagedError';
}

/**
 * The file is a mirror written by a newer version of the app (a downgrade). It is left exactly as
 * it is: moving it aside would make the newer version, once reinstalled, start from an empty
 * mirror and report a baseline instead of the changes. The app should tell the user to update.
 */
export class MirrorTooNewError extends Error {
  override readonly name = 'MirrorTooNewError';
  readonly fileVersion: number;
  readonly supportedVersion: number;

  constructor(file: string, fileVersion: number, supportedVersion: number) {
    super(
      `${file} was written by a newer version of the app (schema ${fileVersion}, this version reads up to ${supportedVersion}); it was left untouched`,
    );
    this.fileVersion = fileVersion;
    this.supportedVersion = supportedVersion;
  }
}

/**
 * SQLite's own verdicts that the bytes are not a readable database. Everything else (a locked
 * file, no permission, a full disk) is a condition to report and retry, never a reason to move
 * the user's data away.
 */
export function isDamage(error: unknown): boolean {
  if (error instanceof MirrorFileDamagedError) return true;
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT');
}

/** One line for the log: SQLite's code and message, or our own finding. */
export function describeDamage(error: unknown): string {
  if (error instanceof Database.SqliteError) return `${error.code}: ${error.message}`;
  return describeError(error, 'message');
}
