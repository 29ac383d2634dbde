import { messagesEn, type MessageKey } from './messages-en.ts';
import { messagesFa } from './messages-fa.ts';

export type Language = 'fa' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message to show later, in whichever language the user has then: key plus its values. */
export interface LocalizedMessage {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

const catalogues: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  en: messagesEn,
  fa: messagesFa,
};

const numberFormats: Readonly<Record<Language, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-US'),
  fa: new Intl.NumberFormat('fa-IR'),
};

/**
 * Fills `{name}` placeholders; numbers are written with the language's digits (Persian digits in
 * Persian text), strings as they are, so IDs and codes passed as strings keep their ASCII form. A placeholder without a value stays visible as `{name}` so a missing
 * value shows up in tests and screenshots instead of vanishing.
 */
export function formatMessage(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormats[language].format(value) : value;
  });
}

/** The same message in both languages, as the command line and logs report it. */
export function bilingual(message: LocalizedMessage): { en: string; fa: string } {
  return {
    en: formatMessage('en', message.key, message.params),
    fa: formatMessage('fa', message.key, message.params),
  };
}
