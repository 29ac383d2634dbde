/** The languages the UI is written in. Persian first: most of the app's users read it. */
export type Locale = 'fa' | 'en';

/**
 * Persian for anyone whose browser language is Persian (`fa`, `fa-IR`, `fa-AF`, …), English for
 * everyone else, since English is the one other language the app ships.
 */
export function pickLocale(language: string | undefined): Locale {
  return language !== undefined && /^fa(?:-|_|$)/i.test(language) ? 'fa' : 'en';
}

/** Persian is written right to left; the whole layout flips with it through logical CSS. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

/**
 * Swaps ASCII digits for the locale's own (۰–۹ in Persian) one digit at a time, so strings such
 * as a version number keep their separators and leading zeros.
 */
export function localizeDigits(text: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  return text.replace(/[0-9]/g, (digit) => format.format(Number(digit)));
}
