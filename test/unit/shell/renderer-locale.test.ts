import { describe, expect, it } from 'vitest';
import { directionOf, localizeDigits, pickLocale } from '../../../renderer/src/lib/locale.ts';
import { message } from '../../../renderer/src/lib/strings.ts';

describe('pickLocale', () => {
  it.each(['fa', 'fa-IR', 'fa-AF', 'FA-ir', 'fa_IR'])('chooses Persian for %s', (language) => {
    expect(pickLocale(language)).toBe('fa');
  });

  it.each(['en-US', 'de', 'far', 'ar', '', undefined])('chooses English for %s', (language) => {
    expect(pickLocale(language)).toBe('en');
  });
});

describe('directionOf', () => {
  it('lays Persian out right to left and English left to right', () => {
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

describe('localizeDigits', () => {
  it('writes a version with Persian digits and keeps its separators', () => {
    expect(localizeDigits('0.10.3', 'fa')).toBe('۰.۱۰.۳');
  });

  it('leaves English text as it is', () => {
    expect(localizeDigits('0.10.3', 'en')).toBe('0.10.3');
  });
});

describe('message', () => {
  it('names the app in each language', () => {
    expect(message('en', 'app.name')).toBe('Amoot Contact Sync');
    expect(message('fa', 'app.name')).toMatch(/آموت/);
  });

  it('gives a one-line tagline in each language', () => {
    for (const locale of ['fa', 'en'] as const) {
      const tagline = message(locale, 'app.tagline');
      expect(tagline.length).toBeGreaterThan(20);
      expect(tagline).not.toContain('\n');
    }
    expect(message('fa', 'app.tagline')).toMatch(/[\u0600-\u06FF]/);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(message('en', 'app.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    // In Persian a text value is isolated (U+2068…U+2069), so it keeps its own order.
    expect(message('fa', 'app.version', { version: '1.2.3' })).toBe('نسخهٔ \u20681.2.3\u2069');
    expect(message('en', 'app.version')).toBe('Version {version}');
  });
});
