/**
 * What a notification may show of a text the server sent (a `Status` title, an error's detail):
 * a short, single line that reads as it is. A notification is the one place such text appears
 * outside the app's own window, on top of whatever the user is doing, so a hostile answer must
 * not be able to fill the screen, fake a second line of advice, or reorder what it says with bidi
 * overrides (a `U+202E` turns "…exe.txt" into "…txt.exe").
 */
import type { LocalizedMessage, MessageParams } from '../../../common/i18n/format-message.ts';
import { UNSAFE_RUN } from '../unsafe-chars.ts';

/** Long enough for any documented title or a host name, short enough for one line of a toast. */
export const NOTICE_TEXT_MAX = 80;

/**
 * `text` as one clean line of at most `NOTICE_TEXT_MAX` characters, cut with an ellipsis. Each
 * run of unsafe characters (unsafe-chars.ts) becomes a blank, so a line break or an override
 * between two words still shows them apart.
 */
export function noticeText(text: string): string {
  const line = text.replace(UNSAFE_RUN, ' ').replace(/\s+/g, ' ').trim();
  // By code point, so a cut never leaves half of a surrogate pair (an emoji) behind.
  const chars = Array.from(line);
  return chars.length <= NOTICE_TEXT_MAX
    ? line
    : `${chars
        .slice(0, NOTICE_TEXT_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * A run's message with every text value cleaned by `noticeText`. The catalogue's own words are
 * the app's and stay whole; only the values filled into them can come from outside.
 */
export function noticeMessage(message: LocalizedMessage): LocalizedMessage {
  if (message.params === undefined) return message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params as MessageParams)) {
    params[name] = typeof value === 'string' ? noticeText(value) : value;
  }
  return { key: message.key, params };
}
