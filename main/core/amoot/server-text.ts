import { UNSAFE_CHAR } from '../unsafe-chars.ts';

/** Longest server text (a `Status` title) kept in a record, the history or a message. */
export const MAX_SERVER_TEXT_CHARS = 200;

/**
 * Text the server chose, made safe to store and show: unsafe characters (unsafe-chars.ts)
 * dropped, whitespace runs folded, cut to `max` characters without splitting a surrogate pair. A
 * hostile `Status` megabytes long must not reach the history (which refuses it) or a notification.
 */
export function cleanServerText(text: string, max = MAX_SERVER_TEXT_CHARS): string {
  // Only the start is looked at, so a 5 MB value costs no 5 MB pass; text hidden behind more
  // unsafe characters than that is not worth showing.
  const head = text.slice(0, max * 4 + 2);
  const cleaned = head.replace(/\s/g, ' ').replace(UNSAFE_CHAR, '').replace(/ {2,}/g, ' ').trim();
  const cut = cleaned.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
