import { toAsciiDigits } from '../../../common/validation.ts';
import { CHANGE_KINDS, type ChangeKind } from '../../../common/sync-types.ts';

/**
 * Checks at the adapter's edge. The IPC layer and the sync engine validate before calling; these
 * are the last line, so a bug upstream fails loudly with the field's name instead of writing a
 * value the mirror cannot read back exactly.
 */

const MAX_INT64_TEXT = '9223372036854775807';
const CANONICAL_ID = /^(?:0|[1-9][0-9]{0,18})$/;

export const ID_RULE = `a decimal ID from 0 to ${MAX_INT64_TEXT}`;
export const TIME_RULE = 'an integer epoch time in milliseconds';
export const BOOLEAN_RULE = 'a boolean';

/**
 * Epoch milliseconds; bounded so that `ms * 4 + flags` (`packState` in main/core/sync/diff.ts) stays
 * exact.
 */
export const MAX_ABS_TIME_MS = 2 ** 50;

/**
 * A contact ID is the canonical decimal text of an integer in 0..2^63−1: no sign, no leading zero,
 * so the text read back is the text written and two spellings never name one contact.
 */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    CANONICAL_ID.test(value) &&
    (value.length < MAX_INT64_TEXT.length || value <= MAX_INT64_TEXT)
  );
}

export function isTimeMs(value: unknown): value is number {
  return Number.isSafeInteger(value) && Math.abs(value as number) <= MAX_ABS_TIME_MS;
}

/**
 * The error for a value out of bounds. Loops over a million rows test with `isId` and friends and
 * build the field's name only here, when something is wrong.
 */
export function fieldError(field: string, rule: string, value: unknown): RangeError {
  return new RangeError(`${field} must be ${rule}, got ${show(value)}`);
}

export function checkId(value: unknown, field: string): string {
  if (!isId(value)) throw fieldError(field, ID_RULE, value);
  return value;
}

export function checkTimeMs(value: unknown, field: string): number {
  if (!isTimeMs(value)) throw fieldError(field, TIME_RULE, value);
  return value;
}

export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw fieldError(field, BOOLEAN_RULE, value);
  return value;
}

export const KIND_RULE = `one of ${CHANGE_KINDS.join(', ')}`;

export function isKind(value: unknown): value is ChangeKind {
  return typeof value === 'string' && (CHANGE_KINDS as readonly string[]).includes(value);
}

export function checkKind(value: unknown, field: string): ChangeKind {
  if (!isKind(value)) throw fieldError(field, KIND_RULE, value);
  return value;
}

export function checkIntegerInRange(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`${field} must be an integer ${range}, got ${show(value)}`);
  }
  return value as number;
}

export function checkFiniteNumber(value: unknown, field: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    const bound = min === -Infinity ? '' : ` of at least ${min}`;
    throw new RangeError(`${field} must be a finite number${bound}, got ${show(value)}`);
  }
  return value;
}

export function checkText(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw new RangeError(`${field} must be a string, got ${show(value)}`);
  return value;
}

export function checkArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new RangeError(`${field} must be an array, got ${show(value)}`);
  return value;
}

/**
 * The leading digits of an ID as a user types them; Persian and Arabic-Indic digits count as
 * digits. Empty means no filter. Longer than an ID can be is refused rather than matching nothing
 * in silence.
 */
export function checkIdPrefix(value: unknown, field: string): string {
  const digits = typeof value === 'string' ? toAsciiDigits(value) : value;
  if (typeof digits !== 'string' || !/^[0-9]{0,19}$/.test(digits)) {
    throw new RangeError(`${field} must be up to 19 digits, got ${show(value)}`);
  }
  return digits;
}

function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/**
 * The change log stores a kind as a small integer: one byte per row and per index entry instead of
 * up to eight, over a million rows. The codes are written to disk, so they are spelled out here
 * rather than taken from the position in `CHANGE_KINDS`, which may change order; a new kind fails
 * to compile until it gets a code of its own.
 */
const CODE_OF_KIND = {
  added: 1,
  updated: 2,
  deleted: 3,
  restored: 4,
  missing: 5,
} as const satisfies Record<ChangeKind, number>;

export type KindCode = (typeof CODE_OF_KIND)[ChangeKind];

export const KIND_CODES: readonly KindCode[] = CHANGE_KINDS.map((kind) => CODE_OF_KIND[kind]);

const KIND_OF_CODE = new Map<number, ChangeKind>(
  CHANGE_KINDS.map((kind) => [CODE_OF_KIND[kind], kind]),
);

export function kindCode(kind: ChangeKind): KindCode {
  return CODE_OF_KIND[kind];
}

/** Reads a stored code back; a code this version does not know means the file is not ours. */
export function kindOfCode(code: number): ChangeKind {
  const kind = KIND_OF_CODE.get(code);
  if (kind === undefined) throw new Error(`change_log holds an unknown kind code ${code}`);
  return kind;
}
