/**
 * Checks a Fault that arrives as untyped JSON (the control API) or from a test, so a typo such as
 * `{"kind":"ratelimit"}` is a clear 400 instead of a simulator that silently behaves normally.
 */
import type { Fault, WrongTypesVariant } from './types.ts';

export const WRONG_TYPES_VARIANTS: readonly WrongTypesVariant[] = [
  'id-string',
  'id-negative',
  'id-fraction',
  'date-number',
  'deleted-string',
  'data-null',
  'data-missing',
  'data-object',
  'status-missing',
  'item-not-object',
  'date-impossible',
  'date-bad-format',
];

const SIMPLE_KINDS = [
  'stall-after-headers',
  'stall-before-headers',
  'html-200',
  'truncated',
  'reset',
  'invalid-json',
  'empty-body',
  'bom',
  'gzip',
] as const;

const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

export class FaultError extends Error {
  override name = 'FaultError';
}

function integerField(
  record: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultError(`fault.${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** A valid Fault, or null to clear; throws FaultError naming the bad field. */
export function parseFault(value: unknown): Fault | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new FaultError('fault must be an object or null');
  const record = value as Record<string, unknown>;
  const kind = record['kind'];
  if ((SIMPLE_KINDS as readonly unknown[]).includes(kind)) return { kind } as Fault;
  switch (kind) {
    case 'latency':
      return { kind, ms: integerField(record, 'ms', 0, 600_000) };
    case 'rate-limit': {
      const retryAfter = record['retryAfter'];
      if (retryAfter === undefined) return { kind };
      if (typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0) {
        return { kind, retryAfter: String(retryAfter) };
      }
      if (typeof retryAfter !== 'string')
        throw new FaultError('fault.retryAfter must be a string (seconds or an HTTP-date)');
      return { kind, retryAfter };
    }
    case 'http-status':
      return { kind, status: integerField(record, 'status', 400, 599) };
    case 'redirect': {
      const { status, location } = record;
      if (!REDIRECT_STATUSES.includes(status as never))
        throw new FaultError(`fault.status must be one of ${REDIRECT_STATUSES.join(', ')}`);
      if (typeof location !== 'string') throw new FaultError('fault.location must be a string');
      return { kind, status: status as (typeof REDIRECT_STATUSES)[number], location };
    }
    case 'status': {
      const title = record['title'];
      if (typeof title !== 'string') throw new FaultError('fault.title must be a string');
      return { kind, title };
    }
    case 'wrong-types': {
      const variant = record['variant'];
      if (!(WRONG_TYPES_VARIANTS as readonly unknown[]).includes(variant)) {
        throw new FaultError(`fault.variant must be one of ${WRONG_TYPES_VARIANTS.join(', ')}`);
      }
      const fault: Fault = { kind, variant: variant as WrongTypesVariant };
      return record['index'] === undefined
        ? fault
        : { ...fault, index: integerField(record, 'index', 0, Number.MAX_SAFE_INTEGER) };
    }
    case 'duplicate-ids':
      return { kind, count: integerField(record, 'count', 1, 10_000_000) };
    default:
      throw new FaultError(`unknown fault kind ${JSON.stringify(kind)}`);
  }
}

/** `times` must be a positive integer when given. */
export function parseTimes(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new FaultError('times must be a positive integer');
  return value;
}
