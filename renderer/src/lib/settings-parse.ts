/**
 * What the settings fields accept, checked in the window with the very rules main applies
 * (`common/settings-check.ts`), so a typo is answered at once, in both languages, without a round
 * trip; main still checks every value it receives.
 */
import { toAsciiDigits, type Checked } from '../../../common/validation.ts';
import { checkSettingsField } from '../../../common/settings-check.ts';
import type { Settings } from '../../../common/settings.ts';

/** The settings edited as free text; each has a parser below. */
export type TextSettingKey =
  'contactGroupId' | 'syncIntervalMinutes' | 'baseUrl' | 'serverTimeZone';

/** Persian digits are accepted; the answer is canonical ASCII decimal text ("۰۱۲" → "12"). */
export function parseGroupId(text: string): Checked<string> {
  return checkSettingsField('contactGroupId', text);
}

/** Minutes as typed, in ASCII or Persian digits; anything else gets main's range message. */
export function parseInterval(text: string): Checked<number> {
  const digits = toAsciiDigits(text.trim());
  const minutes = /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
  return checkSettingsField('syncIntervalMinutes', minutes);
}

export function parseBaseUrl(text: string): Checked<string> {
  return checkSettingsField('baseUrl', text);
}

export function parseTimeZone(text: string): Checked<string> {
  return checkSettingsField('serverTimeZone', text);
}

/** The parser for each free-text setting, typed so a field cannot be given the wrong one. */
export const TEXT_SETTING_PARSERS: {
  readonly [K in TextSettingKey]: (text: string) => Checked<Settings[K]>;
} = {
  contactGroupId: parseGroupId,
  syncIntervalMinutes: parseInterval,
  baseUrl: parseBaseUrl,
  serverTimeZone: parseTimeZone,
};
