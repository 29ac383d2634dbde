/**
 * The runtime check of every call's arguments, typed against the contract so a parser cannot
 * accept something other than what its handler is declared to receive. These guarantee the
 * declared TypeScript type and the limits that keep a call cheap (page sizes, string lengths);
 * what a value means (is this URL reachable, is this token well formed) stays with the service
 * behind the handler, which answers with a message the user can read.
 */
import { isSettingsKey, checkSettingsField } from '../settings-check.ts';
import { DEFAULT_SETTINGS, type Settings } from '../settings.ts';
import { CHANGE_KINDS } from '../sync-types.ts';
import type { PauseRequest } from './app-state.ts';
import type { ArgsOf, InvokeChannel } from './contract.ts';
import { MAX_PAGE_ROWS } from './view-types.ts';
import {
  accept,
  arrayOf,
  boolean,
  fieldPath,
  integer,
  isPlainObject,
  nothing,
  object,
  oneOf,
  ownDataFields,
  refuse,
  string,
  variantByKey,
  type Parser,
} from './parse.ts';

/** Longest pause offered: a month. Longer is a mistake; "until I resume" exists for that. */
export const MAX_PAUSE_MS = 31 * 24 * 60 * 60 * 1000;
/** A pasted token longer than this is not a token (and would not fit an HTTP header anyway). */
export const MAX_TOKEN_LENGTH = 4096;
/**
 * The window copies contact IDs (64-bit, so at most 20 digits) and nothing else: a page that could
 * put any text on the clipboard could plant a command or an address for the user to paste.
 */
export const MAX_CLIPBOARD_WRITE_LENGTH = 20;
/** Settings text (a URL, a zone name, a group ID) longer than this is a paste gone wrong. */
const MAX_SETTING_TEXT = 2048;
/** The latest instant `Date` can represent. */
const MAX_TIME_MS = 8.64e15;

const offset = integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const limit = integer({ min: 1, max: MAX_PAGE_ROWS });

const updatesFilterFields = {
  optional: {
    kinds: arrayOf(oneOf(CHANGE_KINDS), { maxLength: CHANGE_KINDS.length }),
    detectedSinceMs: integer({ min: 0, max: MAX_TIME_MS }),
    idPrefix: string({
      maxLength: 19,
      pattern: /^\d*$/,
      describe: 'up to 19 ASCII digits (the start of a 64-bit ID)',
    }),
  },
  required: { order: oneOf(['server-time', 'detected-time'] as const) },
};

const pauseRequest: Parser<PauseRequest> = variantByKey<PauseRequest>(
  {
    for: object({ for: integer({ min: 1, max: MAX_PAUSE_MS }) }),
    untilTomorrowAt: object({
      untilTomorrowAt: string({
        maxLength: 5,
        pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
        describe: 'a 24-hour time of day as HH:MM',
      }),
    }),
    untilResumed: object({ untilResumed: oneOf([true] as const) }),
  },
  'one of { for: ms }, { untilTomorrowAt: "HH:MM" }, { untilResumed: true }',
);

/** Settings whose type is a set of words: the word must be one of them to be a `Settings` value. */
const CHOICE_KEYS: ReadonlySet<keyof Settings> = new Set(['notifications', 'language', 'theme']);

/**
 * A settings patch: known keys only, each with its declared type. Ranges, URL rules and the group
 * ID's form are the settings store's to judge, so the user gets its message for the exact field.
 */
const settingsPatch: Parser<Partial<Settings>> = (input, path = '$') => {
  if (!isPlainObject(input)) return refuse(path, 'an object of settings');
  const fields = ownDataFields(input, path, isSettingsKey);
  if (!fields.ok) return fields;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of fields.value) {
    if (value === undefined || !isSettingsKey(key)) continue;
    const keyPath = fieldPath(path, key);
    const type = typeof DEFAULT_SETTINGS[key];
    if (typeof value !== type) return refuse(keyPath, `a ${type}`);
    if (typeof value === 'string' && value.length > MAX_SETTING_TEXT) {
      return refuse(keyPath, `a string of at most ${MAX_SETTING_TEXT} characters`);
    }
    if (typeof value === 'number' && !Number.isFinite(value))
      return refuse(keyPath, 'a finite number');
    if (CHOICE_KEYS.has(key) && !checkSettingsField(key, value).ok) {
      return refuse(keyPath, 'one of the values the settings page offers');
    }
    patch[key] = value;
  }
  return accept(patch as Partial<Settings>);
};

export type ArgParsers = { readonly [C in InvokeChannel]: Parser<ArgsOf<C>> };

export const ARG_PARSERS: ArgParsers = {
  'state.get': nothing,
  'sync.now': nothing,
  'sync.cancel': nothing,
  'sync.pause': pauseRequest,
  'sync.resume': nothing,
  'updates.page': object(
    { ...updatesFilterFields.required, limit },
    { ...updatesFilterFields.optional, offset },
  ),
  'history.page': object({ limit }, { offset }),
  'history.clear': nothing,
  'settings.get': nothing,
  'settings.set': settingsPatch,
  'token.status': nothing,
  'token.set': object({
    token: string({ maxLength: MAX_TOKEN_LENGTH }),
    test: boolean,
  }),
  'token.test': nothing,
  'token.clear': nothing,
  'export.csv': object(updatesFilterFields.required, updatesFilterFields.optional),
  'logs.open': nothing,
  'clipboard.read': nothing,
  'clipboard.write': object({
    text: string({
      maxLength: MAX_CLIPBOARD_WRITE_LENGTH,
      pattern: /^\d+$/,
      describe: `a contact ID (1 to ${MAX_CLIPBOARD_WRITE_LENGTH} ASCII digits)`,
    }),
  }),
};
