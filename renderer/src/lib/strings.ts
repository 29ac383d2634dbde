import { formatMessage, type MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { Locale } from './locale.ts';

/**
 * The renderer's one door to the shared catalogues in common/, so no user-visible string is written
 * in a component and both languages stay complete (the catalogues are checked by type and by test).
 */
export function message(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(locale, key, params);
}
