import { describe, expect, it } from 'vitest';
import { bilingual } from '../../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../../common/i18n/messages-en.ts';
import { checkSettingsPatch, SETTINGS_KEYS } from '../../../../common/settings-check.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../../common/settings.ts';

const current = DEFAULT_SETTINGS;

function refusal(patch: unknown) {
  const result = checkSettingsPatch(current, patch);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(patch)}`);
  return result;
}

/** Both languages say something real: Persian in Persian script, no placeholder left unfilled. */
function expectReadableInBothLanguages(message: { key: MessageKey; params?: object }) {
  const { en, fa } = bilingual(message as Parameters<typeof bilingual>[0]);
  expect(en).toMatch(/\w{3,}/);
  expect(fa).toMatch(/[\u0600-\u06FF]{3,}/);
  expect(en).not.toMatch(/\{\w+\}/);
  expect(fa).not.toMatch(/\{\w+\}/);
  return { en, fa };
}

describe('checkSettingsPatch: accepted changes', () => {
  it('applies a full valid patch and lists exactly the keys that changed', () => {
    const patch: Settings = {
      contactGroupId: '42',
      syncIntervalMinutes: 60,
      baseUrl: 'https://example.com/api',
      serverTimeZone: 'Asia/Tehran',
      notifications: 'errors',
      startAtLogin: true,
      startHidden: true,
      language: 'fa',
      theme: 'dark',
      changeLogMaxAgeDays: 30,
      changeLogMaxRows: 5000,
    };
    const result = checkSettingsPatch(current, patch);
    expect(result).toEqual({
      ok: true,
      settings: patch,
      changed: SETTINGS_KEYS.filter((key) => key !== 'serverTimeZone'),
    });
  });

  it('keeps the fields a patch does not mention, and ignores fields sent as undefined', () => {
    const result = checkSettingsPatch(current, { theme: 'light', language: undefined });
    expect(result).toEqual({
      ok: true,
      settings: { ...current, theme: 'light' },
      changed: ['theme'],
    });
  });

  it('reports nothing changed when a value is set to what it already is', () => {
    expect(checkSettingsPatch(current, { syncIntervalMinutes: 15 })).toEqual({
      ok: true,
      settings: current,
      changed: [],
    });
  });

  it('stores values in canonical form: group ID, URL and zone name', () => {
    const result = checkSettingsPatch(current, {
      contactGroupId: ' ۰۰۱۲ ',
      baseUrl: 'https://example.com/rest/',
      serverTimeZone: 'asia/tehran',
    });
    expect(result).toMatchObject({
      ok: true,
      settings: {
        contactGroupId: '12',
        baseUrl: 'https://example.com/rest',
        serverTimeZone: 'Asia/Tehran',
      },
      changed: ['contactGroupId', 'baseUrl'],
    });
  });

  it('takes a group ID as bigint or as a small whole number (a hand-edited file holds one)', () => {
    expect(checkSettingsPatch(current, { contactGroupId: 9223372036854775807n })).toMatchObject({
      ok: true,
      settings: { contactGroupId: '9223372036854775807' },
    });
    expect(checkSettingsPatch(current, { contactGroupId: 7 })).toMatchObject({
      ok: true,
      settings: { contactGroupId: '7' },
    });
  });

  it('accepts plain http only for the local simulator on loopback', () => {
    expect(checkSettingsPatch(current, { baseUrl: 'http://127.0.0.1:8080/rest' })).toMatchObject({
      ok: true,
      settings: { baseUrl: 'http://127.0.0.1:8080/rest' },
    });
  });

  it('accepts the limits themselves', () => {
    for (const patch of [
      { syncIntervalMinutes: 1 },
      { syncIntervalMinutes: 1440 },
      { changeLogMaxAgeDays: 1 },
      { changeLogMaxAgeDays: 3650 },
      { changeLogMaxRows: 1000 },
      { changeLogMaxRows: 10_000_000 },
    ]) {
      expect(checkSettingsPatch(current, patch).ok, JSON.stringify(patch)).toBe(true);
    }
  });
});

describe('checkSettingsPatch: refused patches as a whole', () => {
  it.each([null, undefined, 'theme=dark', 42, [], [['theme', 'dark']], new Date(), new Map()])(
    'refuses %s, which is not an object of settings',
    (patch) => {
      const result = refusal(patch);
      expect(result.field).toBeNull();
      expect(result.message).toEqual({ key: 'settings.patch.not-object' });
      expectReadableInBothLanguages(result.message);
    },
  );

  it('refuses a key that is not a setting, so the token cannot ride along with a valid change', () => {
    const result = refusal({ contactGroupId: '5', token: 'do-not-store-me' });
    expect(result.field).toBeNull();
    expect(result.message).toEqual({ key: 'settings.patch.unknown-key', params: { key: 'token' } });
    const { en, fa } = expectReadableInBothLanguages(result.message);
    expect(en).toContain('"token"');
    expect(fa).toContain('token');
    expect(en + fa).not.toContain('do-not-store-me');
  });

  it('refuses inherited-looking keys that JSON can carry as own keys', () => {
    const patch: unknown = JSON.parse('{"__proto__": {"theme": "dark"}}');
    expect(refusal(patch)).toMatchObject({
      field: null,
      message: { key: 'settings.patch.unknown-key' },
    });
    expect(refusal({ constructor: 'x' }).field).toBeNull();
  });

  it('cuts a long unknown key short in the message', () => {
    const result = refusal({ ['k'.repeat(500)]: 1 });
    expect(String(result.message.params?.['key']).length).toBeLessThan(50);
  });

  it('names the first refused field in display order and applies nothing', () => {
    const result = refusal({ theme: 'blue', syncIntervalMinutes: 0 });
    expect(result.field).toBe('syncIntervalMinutes');
  });
});

type Case = [field: keyof Settings, value: unknown, key: MessageKey, params?: object];

const invalidCases: Case[] = [
  ['contactGroupId', '', 'input.group.empty'],
  ['contactGroupId', '-1', 'input.group.negative'],
  ['contactGroupId', -3, 'input.group.negative'],
  ['contactGroupId', 'abc', 'input.group.not-integer'],
  ['contactGroupId', '1e3', 'input.group.not-integer'],
  ['contactGroupId', 1.5, 'input.group.not-integer'],
  ['contactGroupId', '9223372036854775808', 'input.group.too-large'],
  ['contactGroupId', 2 ** 60, 'settings.contact-group-id.type'],
  ['contactGroupId', true, 'settings.contact-group-id.type'],
  ['contactGroupId', null, 'settings.contact-group-id.type'],
  ['syncIntervalMinutes', 0, 'settings.sync-interval.invalid', { min: 1, max: 1440 }],
  ['syncIntervalMinutes', 1441, 'settings.sync-interval.invalid', { min: 1, max: 1440 }],
  ['syncIntervalMinutes', 2.5, 'settings.sync-interval.invalid', { min: 1, max: 1440 }],
  ['syncIntervalMinutes', '15', 'settings.sync-interval.invalid', { min: 1, max: 1440 }],
  ['syncIntervalMinutes', Number.NaN, 'settings.sync-interval.invalid', { min: 1, max: 1440 }],
  ['baseUrl', 'http://example.com/rest', 'input.base-url.insecure'],
  ['baseUrl', 'not a url', 'input.base-url.invalid'],
  ['baseUrl', 'ftp://example.com', 'input.base-url.invalid'],
  ['baseUrl', 'https://user:pass@example.com', 'input.base-url.credentials'],
  ['baseUrl', 42, 'input.base-url.invalid'],
  ['baseUrl', `https://example.com/${'a'.repeat(3000)}`, 'input.base-url.invalid'],
  ['serverTimeZone', 'Mars/Phobos', 'input.time-zone.invalid', { zone: 'Mars/Phobos' }],
  ['serverTimeZone', '', 'input.time-zone.invalid', { zone: '' }],
  ['serverTimeZone', 3.5, 'input.time-zone.invalid', { zone: '3.5' }],
  ['notifications', 'always', 'settings.notifications.invalid'],
  ['notifications', true, 'settings.notifications.invalid'],
  ['startAtLogin', 'true', 'settings.start-at-login.invalid'],
  ['startAtLogin', 1, 'settings.start-at-login.invalid'],
  ['startHidden', null, 'settings.start-hidden.invalid'],
  ['language', 'de', 'settings.language.invalid'],
  ['language', 'FA', 'settings.language.invalid'],
  ['theme', 'blue', 'settings.theme.invalid'],
  ['changeLogMaxAgeDays', 0, 'settings.change-log-age.invalid', { min: 1, max: 3650 }],
  ['changeLogMaxAgeDays', 3651, 'settings.change-log-age.invalid', { min: 1, max: 3650 }],
  ['changeLogMaxRows', 999, 'settings.change-log-rows.invalid', { min: 1000, max: 10_000_000 }],
  ['changeLogMaxRows', 1e7 + 1, 'settings.change-log-rows.invalid', { min: 1000, max: 10_000_000 }],
  ['changeLogMaxRows', 1500.5, 'settings.change-log-rows.invalid', { min: 1000, max: 10_000_000 }],
];

describe('checkSettingsPatch: each invalid field', () => {
  it.each(invalidCases)('refuses %s = %j with %s', (field, value, key, params) => {
    const result = refusal({ [field]: value });
    expect(result.field).toBe(field);
    expect(result.message.key).toBe(key);
    if (params) expect(result.message.params).toMatchObject(params);
    expectReadableInBothLanguages(result.message);
  });

  it('covers every settings field', () => {
    expect(new Set(invalidCases.map(([field]) => field))).toEqual(new Set(SETTINGS_KEYS));
  });

  it('says what is allowed, with the limits in each language’s digits', () => {
    const { en, fa } = bilingual(refusal({ syncIntervalMinutes: 0 }).message);
    expect(en).toContain('from 1 to 1,440');
    expect(fa).toContain('۱ تا ۱٬۴۴۰');
  });
});

describe('SETTINGS_KEYS', () => {
  it('lists every key of the settings once', () => {
    expect([...SETTINGS_KEYS].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});
