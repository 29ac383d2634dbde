import type { ContactUpdate } from '../../../common/amoot-types.ts';
import { shapeError } from './amoot-error.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import type { BodyOutcome } from './parse-body.ts';
import { describeExpected } from './parse-body.ts';
import { cleanServerText } from './server-text.ts';
import type { ServerTimeParser } from './server-time.ts';

const MAX_INT64 = 9223372036854775807n;

/** The exact digits of a JSON number that a JavaScript number could not hold. */
class ExactNumber {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
}

/**
 * Validates every item of `Data` and turns it into a `ContactUpdate`.
 *
 * IDs are 64-bit. The common case (all IDs below 2^53) costs one plain JSON.parse; only when an
 * unsafe number is met is the body parsed again with a reviver that keeps each ID's source digits,
 * so large IDs are exact without slowing every sync down.
 */
export function parseContactRecords(
  data: readonly unknown[],
  text: string,
  parseTime: ServerTimeParser,
): BodyOutcome {
  const first = readRecords(data, parseTime);
  if (first !== 'needs-exact-ids') return first;
  const exact = reparseWithExactIds(text);
  const second = readRecords(exact, parseTime);
  if (second === 'needs-exact-ids') throw new Error('unreachable: IDs were kept exact');
  return second;
}

function readRecords(
  data: readonly unknown[],
  parseTime: ServerTimeParser,
): BodyOutcome | 'needs-exact-ids' {
  const records: ContactUpdate[] = [];

  for (let index = 0; index < data.length; index++) {
    const item = data[index];
    const path = `Data[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return { ok: false, error: shapeError(path, describeExpected('an object', item)) };
    }
    const fields = item as Record<string, unknown>;

    const rawId = fields['ID'];
    if (typeof rawId === 'number' && !Number.isSafeInteger(rawId) && Number.isFinite(rawId)) {
      if (Number.isInteger(rawId)) return 'needs-exact-ids';
    }
    const id = readId(rawId);
    if (typeof id !== 'string') return { ok: false, error: shapeError(`${path}.ID`, id.problem) };

    const rawTime = fields['UpdateDateTime'];
    if (typeof rawTime !== 'string') {
      const problem = describeExpected('a date-time string', rawTime);
      return { ok: false, error: shapeError(`${path}.UpdateDateTime`, problem) };
    }
    const updatedAtMs = parseTime(rawTime);
    if (updatedAtMs === null) {
      const problem = `impossible or malformed date-time ${JSON.stringify(cleanServerText(rawTime, 40))}`;
      return { ok: false, error: shapeError(`${path}.UpdateDateTime`, problem) };
    }

    const deleted = fields['Deleted'];
    if (typeof deleted !== 'boolean') {
      return {
        ok: false,
        error: shapeError(`${path}.Deleted`, describeExpected('true or false', deleted)),
      };
    }

    records.push({ id, updatedAtMs, deleted });
  }
  return { ok: true, ...mergeDuplicates(records) };
}

function readId(raw: unknown): string | { problem: string } {
  if (raw instanceof ExactNumber) {
    if (!/^\d+$/.test(raw.source)) return { problem: describeIdSource(raw.source) };
    const value = BigInt(raw.source);
    if (value > MAX_INT64) return { problem: `${raw.source} is larger than a 64-bit ID` };
    return value.toString();
  }
  if (typeof raw !== 'number') return { problem: describeExpected('a whole number', raw) };
  if (!Number.isInteger(raw)) return { problem: `${raw} is not a whole number` };
  if (raw < 0) return { problem: `${raw} is negative` };
  return String(raw);
}

function describeIdSource(source: string): string {
  return source.startsWith('-') ? `${source} is negative` : `${source} is not a whole number`;
}

type Reviver = (
  this: unknown,
  key: string,
  value: unknown,
  context?: { source?: string },
) => unknown;

/** Re-reads the body keeping the source text of every numeric `ID` (JSON.parse source access). */
function reparseWithExactIds(text: string): unknown[] {
  const keepIdDigits: Reviver = (key, value, context) =>
    key === 'ID' && typeof value === 'number' && context?.source !== undefined
      ? new ExactNumber(context.source)
      : value;
  const envelope = JSON.parse(text, keepIdDigits as Parameters<typeof JSON.parse>[1]) as {
    Data: unknown[];
  };
  return envelope.Data;
}
