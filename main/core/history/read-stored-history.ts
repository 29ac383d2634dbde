import { isPlainObject } from '../../../common/settings-check.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { parseRunRecord } from './parse-run-record.ts';

export type StoredHistory =
  | { ok: true; runs: SyncRunRecord[]; dropped: number; problems: string[] }
  | { ok: false; reason: string };

/** Enough examples for the log to show what went wrong, without one line per bad entry. */
const MAX_PROBLEMS = 5;

/**
 * Reads the history file's value. An empty object is a history that does not exist yet. A wrong
 * layout is refused as a whole (the caller moves the file aside); a bad entry inside a good
 * layout costs only that entry. A repeated id keeps its first (newest) entry.
 */
export function readStoredHistory(stored: unknown, version: number): StoredHistory {
  if (!isPlainObject(stored)) return { ok: false, reason: 'the top level is not an object' };
  if (Object.keys(stored).length === 0) return { ok: true, runs: [], dropped: 0, problems: [] };
  if (stored.version !== version) {
    const found = typeof stored.version === 'number' ? String(stored.version) : 'missing';
    return { ok: false, reason: `layout version is ${found}; this app reads version ${version}` };
  }
  if (!Array.isArray(stored.runs)) return { ok: false, reason: '"runs" is not a list' };
  const runs: SyncRunRecord[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let dropped = 0;
  for (const [index, entry] of (stored.runs as unknown[]).entries()) {
    const parsed = parseRunRecord(entry);
    if (parsed.ok && !seen.has(parsed.run.id)) {
      seen.add(parsed.run.id);
      runs.push(parsed.run);
      continue;
    }
    dropped += 1;
    const problem = parsed.ok ? 'the same id as a newer entry' : parsed.problem;
    if (problems.length < MAX_PROBLEMS) problems.push(`runs[${index}]: ${problem}`);
  }
  return { ok: true, runs, dropped, problems };
}
