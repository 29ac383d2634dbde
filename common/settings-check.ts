import type { LocalizedMessage } from './i18n/format-message.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  type LanguageSetting,
  type NotificationLevel,
  type Settings,
  type ThemeSetting,
} from './settings.ts';
import {
  checkBaseUrl,
  checkContactGroupId,
  type BaseUrlPolicy,
  type Checked,
} from './validation.ts';

/**
 * Settings arrive from places that cannot be trusted to hold the `Settings` type: the renderer
 * (over IPC) and a settings file a user may have edited by hand. Everything here parses from
 * `unknown`, so the type is earned at this edge rather than assumed, and a refusal always names the
 * field and says, in both languages, what is allowed.
 */

export type SettingsKey = keyof Settings;

/** Every settings key, in the order the settings window shows them (the order checks report in). */
export const SETTINGS_KEYS: readonly SettingsKey[] = Object.freeze(
  Object.keys(DEFAULT_SETTINGS) as SettingsKey[],
);

export type SettingsPatchCheck =
  | { ok: true; settings: Settings; changed: SettingsKey[] }
  | { ok: false; field: SettingsKey | null; message: LocalizedMessage };

// Records rather than arrays, so the compiler insists on exactly the members of each union type.
const NOTIFICATION_LEVELS: Readonly<Record<NotificationLevel, true>> = {
  off: true,
  errors: true,
  'changes-and-errors': true,
};
const LANGUAGES: Readonly<Record<LanguageSetting, true>> = { system: true, fa: true, en: true };
const THEMES: Readonly<Record<ThemeSetting, true>> = { system: true, light: true, dark: true };

/** A URL or zone name longer than this is a paste gone wrong, not a value to keep. */
const MAX_TEXT_LENGTH = 2048;
const MAX_ZONE_LENGTH = 64;
/** Echoed keys and values are cut to this, so a hostile patch cannot flood a message or a log. */
const MAX_ECHO_LENGTH = 40;

export function isSettingsKey(key: string): key is SettingsKey {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/**
 * Checks a patch against the current settings. Nothing is applied unless every field passes, so
 * one bad field never half-applies a change. Unknown keys are refused rather than ignored: nothing
 * else (the token above all) can reach the settings file by riding along with a valid change.
 * Values come back canonical (group ID without leading zeros, URL without trailing slash, zone
 * name as `Intl` spells it), and `changed` lists only keys whose value really differs.
 */
export function checkSettingsPatch(
  current: Settings,
  patch: unknown,
  policy: BaseUrlPolicy = {},
): SettingsPatchCheck {
  if (!isPlainObject(patch)) {
    return { ok: false, field: null, message: { key: 'settings.patch.not-object' } };
  }
  for (const key of Object.keys(patch)) {
    if (!isSettingsKey(key)) {
      const shown = echo(key);
      return {
        ok: false,
        field: null,
        message: { key: 'settings.patch.unknown-key', params: { key: shown } },
      };
    }
  }
  const next: Record<string, unknown> = { ...current };
  const changed: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    if (!Object.hasOwn(patch, key)) continue;
    const value = patch[key];
    // An optional property sent as `undefined` means "not given", as in `Partial<Settings>`.
    if (value === undefined) continue;
    const checked = checkSettingsField(key, value, policy);
    if (!checked.ok) return { ok: false, field: key, message: checked.message };
    if (checked.value !== current[key]) changed.push(key);
    next[key] = checked.value;
  }
  return { ok: true, settings: next as unknown as Settings, changed };
}

/** Checks one field on its own; used for patches and for each field of a stored settings file. */
export function checkSettingsField<K extends SettingsKey>(
  key: K,
  value: unknown,
  policy: BaseUrlPolicy = {},
): Checked<Settings[K]> {
  return fieldCheckers[key](value, policy);
}

type FieldCheckers = {
  readonly [K in SettingsKey]: (value: unknown, policy: BaseUrlPolicy) => Checked<Settings[K]>;
};

const fieldCheckers: FieldCheckers = {
  contactGroupId: checkGroupIdValue,
  syncIntervalMinutes: (value) =>
    checkInteger(value, SETTINGS_LIMITS.syncIntervalMinutes, 'settings.sync-interval.invalid'),
  baseUrl: (value, policy) => {
    if (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH) {
      return refuse('input.base-url.invalid', { example: DEFAULT_SETTINGS.baseUrl });
    }
    return checkBaseUrl(value, policy);
  },
  serverTimeZone: checkTimeZone,
  notifications: (value) =>
    checkChoice(value, NOTIFICATION_LEVELS, 'settings.notifications.invalid'),
  startAtLogin: (value) => checkBoolean(value, 'settings.start-at-login.invalid'),
  startHidden: (value) => checkBoolean(value, 'settings.start-hidden.invalid'),
  language: (value) => checkChoice(value, LANGUAGES, 'settings.language.invalid'),
  theme: (value) => checkChoice(value, THEMES, 'settings.theme.invalid'),
  changeLogMaxAgeDays: (value) =>
    checkInteger(value, SETTINGS_LIMITS.changeLogMaxAgeDays, 'settings.change-log-age.invalid'),
  changeLogMaxRows: (value) =>
    checkInteger(value, SETTINGS_LIMITS.changeLogMaxRows, 'settings.change-log-rows.invalid'),
};

/**
 * The group ID is 64-bit, so text (or bigint) is its real form. A small whole number is accepted
 * too, because that is what a hand-edited file naturally holds; a number too large to be exact has
 * already lost digits and is refused rather than silently changed.
 */
function checkGroupIdValue(value: unknown): Checked<string> {
  if (typeof value === 'string') {
    return value.length > MAX_TEXT_LENGTH
      ? refuse('input.group.not-integer')
      : checkContactGroupId(value);
  }
  if (typeof value === 'bigint') return checkContactGroupId(value);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return checkContactGroupId(BigInt(value));
    if (!Number.isInteger(value)) return refuse('input.group.not-integer');
  }
  return refuse('settings.contact-group-id.type');
}

/**
 * Any zone `Intl` knows is accepted, aliases included ("Iran"), and stored under the name `Intl`
 * resolves it to, so the same zone is never stored under two spellings.
 */
function checkTimeZone(value: unknown): Checked<string> {
  const zone = typeof value === 'string' ? value.trim() : '';
  const refusal = refuse('input.time-zone.invalid', {
    zone: typeof value === 'string' ? echo(value) : echo(String(value)),
  });
  if (zone === '' || zone.length > MAX_ZONE_LENGTH) return refusal;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions();
    return { ok: true, value: resolved.timeZone };
  } catch {
    return refusal;
  }
}

function checkInteger(
  value: unknown,
  limits: { readonly min: number; readonly max: number },
  key: LocalizedMessage['key'],
): Checked<number> {
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value >= limits.min && value <= limits.max) return { ok: true, value };
  }
  return refuse(key, { min: limits.min, max: limits.max });
}

function checkChoice<T extends string>(
  value: unknown,
  choices: Readonly<Record<T, true>>,
  key: LocalizedMessage['key'],
): Checked<T> {
  if (typeof value === 'string' && Object.hasOwn(choices, value)) {
    return { ok: true, value: value as T };
  }
  return refuse(key);
}

function checkBoolean(value: unknown, key: LocalizedMessage['key']): Checked<boolean> {
  return typeof value === 'boolean' ? { ok: true, value } : refuse(key);
}

/**
 * A plain object, as JSON and structured clone produce; arrays, null and class instances are not.
 * Exported because the stores parse their files with the same notion.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function echo(text: string): string {
  return text.length > MAX_ECHO_LENGTH ? `${text.slice(0, MAX_ECHO_LENGTH)}…` : text;
}

function refuse(key: LocalizedMessage['key'], params?: LocalizedMessage['params']): Checked<never> {
  return { ok: false, message: params ? { key, params } : { key } };
}
