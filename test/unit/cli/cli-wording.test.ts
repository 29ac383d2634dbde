import { describe, expect, it } from 'vitest';
import { cliBilingual } from '../../../main/cli/cli-wording.ts';
import { messagesEn, type MessageKey } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';

const keys = Object.keys(messagesEn) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The app's messages the command line can print: API answers, failures, input checks, its own. */
const reachable = keys.filter(
  (key) =>
    /^(status|error|input|warning|sync)\./.test(key) ||
    /^token\.keychain\./.test(key) ||
    /^export\.target\./.test(key) ||
    (key.startsWith('cli.') && !Object.hasOwn(messagesEn, key.slice(4))),
);

/**
 * Words that mean something in the app's window and nothing in a terminal: the app retrying by
 * itself, a field "here", a settings window. (Naming the app, as in "save the token in the app", is
 * fine.)
 */
const APP_ONLY_EN =
  /the app will|asked the app|app (does not know|accepts)|enter it here|advanced settings|settings window|in the settings|restart the app/i;
const APP_ONLY_FA =
  /اینجا وارد کنید|تنظیمات پیشرفته|برنامه (بعداً )?دوباره تلاش می‌کند|برنامه را دوباره اجرا کنید/;

describe('the command line speaks of the command line', () => {
  it('finds the messages it can print', () => {
    expect(reachable).toContain('status.Token_Expired');
    expect(reachable).toContain('cli.unknown-command');
  });

  it.each(reachable)('%s, as the cli prints it, speaks of no app window', (key) => {
    const { en, fa } = cliBilingual({ key });
    expect(en).not.toMatch(APP_ONLY_EN);
    expect(fa).not.toMatch(APP_ONLY_FA);
  });

  it('words every cli twin with the placeholders of the message it replaces', () => {
    const twins = keys.filter(
      (key) => key.startsWith('cli.') && Object.hasOwn(messagesEn, key.slice(4)),
    );
    expect(twins.length).toBeGreaterThan(20);
    for (const twin of twins) {
      const original = twin.slice(4) as MessageKey;
      expect(placeholders(messagesEn[twin]), twin).toEqual(placeholders(messagesEn[original]));
      expect(placeholders(messagesFa[twin]), twin).toEqual(placeholders(messagesFa[original]));
    }
  });

  it('keeps the values of a message it rewords', () => {
    const { en, fa } = cliBilingual({ key: 'error.server-http', params: { httpStatus: 503 } });
    expect(en).toContain('HTTP 503');
    expect(en).toMatch(/run the command again/);
    expect(fa).toContain('۵۰۳');
  });
});
