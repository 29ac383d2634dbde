/**
 * An error as one log line, at the level of detail the caller can afford: `name` where even the
 * message might hold what was being handled (the clipboard), `message` for the user's own words,
 * `summary` (name and message) for a known failure, `stack` for one nobody expected. Never throws,
 * not even for an error whose getters do: a log line must not become a second failure.
 */
export type ErrorDetail = 'name' | 'message' | 'summary' | 'stack';

export function describeError(error: unknown, detail: ErrorDetail = 'stack'): string {
  try {
    if (!(error instanceof Error)) return detail === 'name' ? typeof error : String(error);
    const summary = `${error.name}: ${error.message}`;
    switch (detail) {
      case 'name':
        return error.name;
      case 'message':
        return error.message;
      case 'summary':
        return summary;
      case 'stack':
        return error.stack ?? summary;
    }
  } catch {
    return 'an error that could not be described';
  }
}
