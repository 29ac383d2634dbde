/**
 * What the user typed in the ID search, checked before it becomes a query: a Persian keyboard
 * types Persian digits, which are read as ASCII; anything else gets a hint instead of a query
 * that could never match.
 */
import { toAsciiDigits } from '../../../common/validation.ts';

/** A 64-bit ID has at most 19 decimal digits; main refuses longer prefixes. */
export const MAX_ID_DIGITS = 19;

export type IdSearch =
  | { readonly ok: true; readonly prefix: string }
  | { readonly ok: false; readonly problem: 'not-digits' | 'too-long' };

export function parseIdSearch(text: string): IdSearch {
  const digits = toAsciiDigits(text.trim());
  if (!/^[0-9]*$/.test(digits)) return { ok: false, problem: 'not-digits' };
  if (digits.length > MAX_ID_DIGITS) return { ok: false, problem: 'too-long' };
  return { ok: true, prefix: digits };
}
