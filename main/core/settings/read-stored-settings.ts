import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import {
  checkSettingsField,
  isPlainObject,
  isSettingsKey,
  type SettingsKey,
} from '../../../common/settings-check.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.ts';
import type { BaseUrlPolicy } from '../../../common/validation.ts';

/**
 * Something in the stored settings file that was not used. The raw value is deliberately not
 * included: the note goes to the log, and a hand-edited file may hold anything.
 */
export interface SettingsLoadNote {
  /** The key as found in the file (cut short if it is long). */
  readonly key: string;
  /** What was done about it, in English, for the log. */
  readonly reason: string;
  /** For a field set back to its default: why, in both languages. Null for an ignored key. */
  readonly message: LocalizedMessage | null;
}

export type StoredSettings =
  | { ok: true; settings: Settings; notes: SettingsLoadNote[]; resetFields: SettingsKey[] }
  | { ok: false; reason: string };

const MAX_KEY_LENGTH = 40;

/**
 * Reads a settings file field by field. A bad value in one field (a typo made by hand, a value
 * written by a newer version) costs only that field, which falls back to its default; the other
 * fields are kept. Only a file that is not an object at all is refused as a whole. The policy is
 * the one patches get: an installed app does not take from a file the plain-http loopback address
 * it would refuse from the window.
 */
export function readStoredSettings(stored: unknown, policy: BaseUrlPolicy = {}): StoredSettings {
  if (!isPlainObject(stored)) {
    return { ok: false, reason: `the top level is ${describe(stored)}, not an object of settings` };
  }
  const values: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const notes: SettingsLoadNote[] = [];
  const resetFields: SettingsKey[] = [];
  for (const key of Object.keys(stored)) {
    if (!isSettingsKey(key)) {
      notes.push({
        key: key.length > MAX_KEY_LENGTH ? `${key.slice(0, MAX_KEY_LENGTH)}…` : key,
        reason: 'not a setting of this app: ignored, and left out of the file at the next save',
        message: null,
      });
      continue;
    }
    const checked = checkSettingsField(key, stored[key], policy);
    if (checked.ok) {
      values[key] = checked.value;
      continue;
    }
    resetFields.push(key);
    notes.push({
      key,
      reason: `refused (${checked.message.key}): the default is used, and written at the next save`,
      message: checked.message,
    });
  }
  return { ok: true, settings: Object.freeze(values) as unknown as Settings, notes, resetFields };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
