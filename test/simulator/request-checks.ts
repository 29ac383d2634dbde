/**
 * Decides the Status the real server would give a well-delivered request: the token first, then
 * ContactGroupID, as the vendor's API does. Pure functions, so the order of checks is unit-testable.
 */
import type { TokenState } from './types.ts';

const MAX_LONG = 9223372036854775807n;
const DECIMAL = /^[0-9]+$/;

/** What the checks read from an HTTP request. */
export interface ApiRequestParts {
  authorization: string | string[] | undefined;
  contentType: string | undefined;
  body: string;
}

/** Parses a ContactGroupID the way a .NET `long` that must not be negative would accept it. */
export function parseGroupIdText(text: string): bigint | null {
  if (!DECIMAL.test(text)) return null;
  const value = BigInt(text);
  return value <= MAX_LONG ? value : null;
}

type JsonReviverContext = { source?: string };

/**
 * Reads the raw number text from a JSON body, since `JSON.parse` alone would round an overflowing
 * value into a plausible one (the vendor's Node sample sends JSON).
 */
function groupIdFromJson(body: string): string | null {
  let raw: string | null = null;
  try {
    const parsed: unknown = JSON.parse(body, function (
      this: unknown,
      key,
      value,
      context?: JsonReviverContext,
    ) {
      if (key === 'ContactGroupID' && typeof value === 'number')
        raw = context?.source ?? String(value);
      return value;
    } as (this: unknown, key: string, value: unknown) => unknown);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const value = (parsed as Record<string, unknown>)['ContactGroupID'];
    if (typeof value === 'string') return value;
    return typeof value === 'number' ? raw : null;
  } catch {
    return null;
  }
}

/** ContactGroupID from a form or JSON body, or null when missing or not a valid non-negative long. */
export function parseContactGroupId(contentType: string | undefined, body: string): bigint | null {
  const isJson = contentType?.toLowerCase().includes('json') ?? false;
  const text =
    isJson || body.trimStart().startsWith('{')
      ? groupIdFromJson(body)
      : new URLSearchParams(body).get('ContactGroupID');
  return text === null ? null : parseGroupIdText(text);
}

/** 'Success' or the failure title for this request. */
export function decideStatus(
  request: ApiRequestParts,
  tokens: ReadonlyMap<string, TokenState>,
): string {
  const header = Array.isArray(request.authorization)
    ? request.authorization.join(', ')
    : request.authorization;
  const token = header?.trim() ?? '';
  if (token === '') return 'Token_Invalid';
  const state = tokens.get(token);
  if (state === undefined) return 'Token_NotExists';
  if (state !== 'valid') return state;
  if (parseContactGroupId(request.contentType, request.body) === null)
    return 'ContactGroupID_Invalid';
  return 'Success';
}
