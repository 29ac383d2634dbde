/**
 * What the user reads when the app cannot start: which of the app's own files stood in the way
 * and where the log with the detail is. A mirror written by a newer version gets its own advice,
 * since the cure is updating the app, not anything in the folder.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import { MirrorTooNewError } from '../../adapters/sqlite/store-errors.ts';

export function startFailureMessage(error: unknown, logsFolder: string): LocalizedMessage {
  if (causedBy(error, MirrorTooNewError)) {
    return { key: 'app.start-failed.mirror-too-new', params: { logs: logsFolder } };
  }
  return { key: 'app.start-failed.body', params: { logs: logsFolder } };
}

/** Opening the stores wraps what SQLite threw in a classified error: look through the causes. */
function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current instanceof type) return true;
    current = (current as Error).cause;
  }
  return false;
}
