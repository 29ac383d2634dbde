/**
 * The window's language: chosen in the settings (`system` follows the OS), applied to the whole
 * document (`lang`, `dir`) so form controls and scrollbars mirror too, and the one place that turns
 * catalogue keys, numbers and instants into text. Persian uses Persian digits and the Jalali
 * calendar through `Intl` alone (DESIGN.md "Data").
 */
import type { LocalizedMessage, MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import { formatClockTime, formatTimeAgo } from '../../../common/format/relative-time.ts';
import type { LanguageSetting } from '../../../common/settings.ts';
import { directionOf, pickLocale, type Locale } from './locale.ts';
import { message } from './strings.ts';

/** Keys that come in `.one` / `.other` pairs. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

const DATE_LOCALES: Readonly<Record<Locale, string>> = {
  fa: 'fa-IR-u-ca-persian',
  en: 'en-US-u-ca-gregory',
};

export class I18nModel {
  setting = $state<LanguageSetting>('system');
  /** The OS language, refreshed on the window's `languagechange`. */
  systemLanguage = $state<string | undefined>(undefined);

  readonly locale: Locale = $derived(
    this.setting === 'system' ? pickLocale(this.systemLanguage) : this.setting,
  );
  readonly dir = $derived(directionOf(this.locale));

  #plurals = $derived(new Intl.PluralRules(this.locale === 'fa' ? 'fa-IR' : 'en-US'));
  #numbers = $derived(new Intl.NumberFormat(this.locale === 'fa' ? 'fa-IR' : 'en-US'));
  #dateTimes = $derived(
    new Intl.DateTimeFormat(DATE_LOCALES[this.locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
    }),
  );

  constructor(systemLanguage: string | undefined) {
    this.systemLanguage = systemLanguage;
  }

  /** Writes the language and direction on `<html>`; call from an effect so it follows changes. */
  applyTo(root: { lang: string; dir: string }): void {
    root.lang = this.locale;
    root.dir = this.dir;
  }

  t = (key: MessageKey, params?: MessageParams): string => message(this.locale, key, params);

  /**
   * A message whose wording depends on a count: `base.one` or `base.other`, chosen by the
   * language's plural rules (`Intl.PluralRules`); `count` fills `{count}` in the user's digits.
   */
  plural = (base: PluralBase, count: number, params?: MessageParams): string => {
    const form = this.#plurals.select(count) === 'one' ? 'one' : 'other';
    return this.t(`${base}.${form}` as MessageKey, { ...params, count });
  };

  /** A message main sent as key plus values, in the language the user has now. */
  message = (message: LocalizedMessage): string => this.t(message.key, message.params);

  number = (value: number): string => this.#numbers.format(value);

  /** Date and time in the user's calendar: Jalali in Persian, Gregorian in English. */
  dateTime = (atMs: number): string => this.#dateTimes.format(atMs);

  timeAgo = (thenMs: number, nowMs: number): string => formatTimeAgo(this.locale, thenMs, nowMs);

  clockTime = (atMs: number, nowMs: number): string => formatClockTime(this.locale, atMs, nowMs);
}
