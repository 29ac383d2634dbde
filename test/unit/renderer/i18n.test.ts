import { describe, expect, it } from 'vitest';
import { I18nModel } from '../../../renderer/src/lib/i18n-model.svelte.ts';

const NOWRUZ_1404 = Date.UTC(2025, 2, 21, 10, 0);

describe('I18nModel', () => {
  it('follows a Persian system language when the setting is "system"', () => {
    const i18n = new I18nModel('fa-IR');
    expect(i18n.locale).toBe('fa');
    expect(i18n.dir).toBe('rtl');
    i18n.systemLanguage = 'en-GB';
    expect(i18n.locale).toBe('en');
  });

  it('lets the setting override the system language', () => {
    const i18n = new I18nModel('en-US');
    i18n.setting = 'fa';
    expect(i18n.locale).toBe('fa');
    expect(i18n.number(1234567)).toBe('۱٬۲۳۴٬۵۶۷');
  });

  it('writes dates in the Jalali calendar in Persian and the Gregorian one in English', () => {
    const i18n = new I18nModel('en-US');
    expect(i18n.dateTime(NOWRUZ_1404)).toMatch(/2025/);
    i18n.setting = 'fa';
    expect(i18n.dateTime(NOWRUZ_1404)).toMatch(/۱۴۰۴/);
    expect(i18n.dateTime(NOWRUZ_1404)).not.toMatch(/[0-9]/);
  });

  it('fills messages with the current language', () => {
    const i18n = new I18nModel('en-US');
    expect(i18n.plural('ui.updates.total', 12)).toBe('12 changes in all');
    i18n.setting = 'fa';
    expect(i18n.plural('ui.updates.total', 12)).toBe('در مجموع ۱۲ تغییر');
    expect(i18n.timeAgo(NOWRUZ_1404 - 3 * 60_000, NOWRUZ_1404)).toMatch(/۳/);
  });
});
