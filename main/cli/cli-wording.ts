import {
  bilingual,
  type LocalizedMessage,
  type MessageParams,
} from '../../common/i18n/format-message.ts';
import { messagesEn, type MessageKey } from '../../common/i18n/messages-en.ts';

/**
 * The app's messages speak of the app ("enter it here", "the app will try again", "in the advanced
 * settings"); on the command line nothing retries by itself and there is no window. A message that
 * has a `cli.`-prefixed twin in the catalogue is shown in the twin's words, with the same values.
 */
export function cliMessage(message: LocalizedMessage): LocalizedMessage {
  const twin = `cli.${message.key}`;
  if (!Object.hasOwn(messagesEn, twin)) return message;
  const params: MessageParams | undefined = message.params;
  return params === undefined ? { key: twin as MessageKey } : { key: twin as MessageKey, params };
}

/** A message in both languages, in the command line's words. */
export function cliBilingual(message: LocalizedMessage): { en: string; fa: string } {
  return bilingual(cliMessage(message));
}
