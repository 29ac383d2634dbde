import type { ErrorKind } from '../../../common/amoot-types.ts';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { isPlainObject } from '../../../common/settings-check.ts';
import {
  NEW_BASELINE_REASONS,
  SYNC_TRIGGERS,
  type NewBaseline,
  type NewBaselineReason,
  type SyncCounts,
  type SyncOutcome,
  type SyncRunRecord,
  type SyncTrigger,
} from '../../../common/sync-types.ts';

export type ParsedRun = { ok: true; run: SyncRunRecord } | { ok: false; problem: string };

// Records, so the compiler insists on exactly the members of each union type.
const OUTCOMES: Readonly<Record<SyncOutcome, true>> = {
  running: true,
  success: true,
  baseline: true,
  failed: true,
  cancelled: true,
  interrupted: true,
};
const ERROR_KINDS: Readonly<Record<ErrorKind, true>> = {
  auth: true,
  input: true,
  account: true,
  server: true,
  unknown: true,
  'rate-limit': true,
  network: true,
  timeout: true,
  protocol: true,
  cancelled: true,
  busy: true,
  storage: true,
  settings: true,
};
const COUNT_KEYS: readonly (keyof SyncCounts)[] = [
  'received',
  'added',
  'updated',
  'deleted',
  'restored',
  'missing',
  'unchanged',
];
/** Far above any real status or message value; only a runaway value is refused. */
const MAX_TEXT = 10_000;

/** Thrown inside the parser only, to stop at the first bad field and name it. */
class Problem extends Error {}

/**
 * Parses one history entry from `unknown`: from disk (a hand edit, an older or newer version) or
 * from the engine before it is written, so the store never writes what it could not read back.
 * The result is a fresh, frozen object holding only the known fields; anything else an entry
 * carries is left behind, so no stray field (a token above all) is ever copied into the file.
 */
export function parseRunRecord(value: unknown): ParsedRun {
  try {
    return { ok: true, run: readRun(value) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message };
    throw error;
  }
}

function readRun(value: unknown): SyncRunRecord {
  const entry = object(value, 'entry');
  const id = text(entry.id, 'id');
  if (id === '') throw new Problem('id is empty');
  return Object.freeze({
    id,
    trigger: choice(entry.trigger, 'trigger', (v): v is SyncTrigger =>
      (SYNC_TRIGGERS as readonly string[]).includes(v),
    ),
    startedAtMs: finiteNumber(entry.startedAtMs, 'startedAtMs'),
    durationMs: entry.durationMs === null ? null : count(entry.durationMs, 'durationMs', false),
    attempts: count(entry.attempts, 'attempts', true),
    outcome: choice(entry.outcome, 'outcome', (v): v is SyncOutcome => Object.hasOwn(OUTCOMES, v)),
    status: entry.status === null ? null : text(entry.status, 'status'),
    errorKind:
      entry.errorKind === null
        ? null
        : choice(entry.errorKind, 'errorKind', (v): v is ErrorKind =>
            Object.hasOwn(ERROR_KINDS, v),
          ),
    message: entry.message === null ? null : message(entry.message, 'message'),
    counts: entry.counts === null ? null : counts(entry.counts),
    committed: flag(entry.committed, 'committed'),
    warnings: Object.freeze(
      list(entry.warnings, 'warnings').map((w, i) => message(w, `warnings[${i}]`)),
    ),
    ...(entry.newBaseline === undefined ? {} : { newBaseline: newBaseline(entry.newBaseline) }),
    // Absent in files written before runs kept it, and on every run that was not rate-limited.
    ...(entry.retryAfterMs === undefined
      ? {}
      : { retryAfterMs: count(entry.retryAfterMs, 'retryAfterMs', true) }),
  });
}

function newBaseline(value: unknown): NewBaseline {
  const source = object(value, 'newBaseline');
  const reason = choice(source.reason, 'newBaseline.reason', (v): v is NewBaselineReason =>
    (NEW_BASELINE_REASONS as readonly string[]).includes(v),
  );
  return Object.freeze({ reason });
}

function counts(value: unknown): SyncCounts {
  const source = object(value, 'counts');
  const result: Record<string, number> = {};
  for (const key of COUNT_KEYS) result[key] = count(source[key], `counts.${key}`, true);
  return Object.freeze(result) as unknown as SyncCounts;
}

/**
 * A message is kept only if this version can show it: a key the catalogue does not have (from a
 * newer version) would show as a bare key, so such an entry counts as unreadable.
 */
function message(value: unknown, path: string): LocalizedMessage {
  const source = object(value, path);
  const key = text(source.key, `${path}.key`);
  if (!Object.hasOwn(messagesEn, key)) throw new Problem(`${path}.key is not a known message`);
  const typedKey = key as LocalizedMessage['key'];
  if (source.params === undefined) return Object.freeze({ key: typedKey });
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(object(source.params, `${path}.params`))) {
    if (typeof param === 'number' && Number.isFinite(param)) params[name] = param;
    else params[name] = text(param, `${path}.params.${name}`);
  }
  return Object.freeze({ key: typedKey, params: Object.freeze(params) });
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new Problem(`${path} is not an object`);
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Problem(`${path} is not a list`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Problem(`${path} is not text`);
  if (value.length > MAX_TEXT) throw new Problem(`${path} is longer than ${MAX_TEXT} characters`);
  return value;
}

function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Problem(`${path} is not true or false`);
  return value;
}

function finiteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Problem(`${path} is not a finite number`);
  }
  return value;
}

function count(value: unknown, path: string, integer: boolean): number {
  const number = finiteNumber(value, path);
  if (number < 0 || (integer && !Number.isInteger(number))) {
    throw new Problem(`${path} is not a ${integer ? 'whole ' : ''}number of 0 or more`);
  }
  return number;
}

function choice<T extends string>(
  value: unknown,
  path: string,
  isMember: (value: string) => value is T,
): T {
  if (typeof value !== 'string' || !isMember(value)) throw new Problem(`${path} is not known`);
  return value;
}
