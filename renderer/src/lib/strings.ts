import { formatMessage, type MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { Locale } from './locale.ts';

/** First-strong isolate … pop directional isolate: text that keeps its own direction. */
const ISOLATE_START = '\u2068';
const ISOLATE_END = '\u2069';

/**
 * The renderer's one door to the shared catalogues in common/, so no user-visible string is written
 * in a component and both languages stay complete (the catalogues are checked by type and by test).
 * In Persian every text value (a file path, an address, a title the server sent) is isolated, so
 * `C:\Users\…\export.csv` inside a right-to-left sentence is not reordered into nonsense.
 */
export function message(locale: Locale, key: MessageKey, params?: MessageParams): string {
  if (locale !== 'fa' || params === undefined) return formatMessage(locale, key, params);
  const isolated: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    isolated[name] = typeof value === 'string' ? `${ISOLATE_START}${value}${ISOLATE_END}` : value;
  }
  return formatMessage(locale, key, isolated);
}
