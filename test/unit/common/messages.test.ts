import { describe, expect, it } from 'vitest';
import { bilingual, formatMessage } from '../../../common/i18n/format-message.ts';
import { messagesEn, type MessageKey } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import { STATUS_TITLES } from '../../../common/status-titles.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Persian and English', () => {
    expect(Object.keys(messagesFa).sort()).toEqual(Object.keys(messagesEn).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(messagesEn) as MessageKey[]) {
      expect(placeholders(messagesFa[key]), key).toEqual(placeholders(messagesEn[key]));
    }
  });

  it('have a message in both languages for every status title of the spec', () => {
    for (const title of Object.keys(STATUS_TITLES)) {
      const key = `status.${title}` as MessageKey;
      expect(messagesEn[key], title).toMatch(/\S{3,}/);
      expect(messagesFa[key], title).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('write Persian text in Persian script', () => {
    for (const [key, text] of Object.entries(messagesFa)) {
      expect(text, key).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('tell the user what to do when the IP is not allowed', () => {
    expect(messagesEn['status.Token_NotAllowIP']).toMatch(/add it to the token's allowed IPs/i);
    expect(messagesFa['status.Token_NotAllowIP']).toContain('اضافه کنید');
  });
});

describe('formatMessage', () => {
  it('fills placeholders, with Persian digits in Persian', () => {
    const message = { key: 'error.rate-limit', params: { seconds: 120 } } as const;
    expect(bilingual(message).en).toContain('120 seconds');
    expect(bilingual(message).fa).toContain('۱۲۰ ثانیه');
  });
  it('keeps string values such as IDs and paths as they are', () => {
    const text = formatMessage('fa', 'error.protocol.shape', { path: 'Data[12].ID', problem: 'x' });
    expect(text).toContain('Data[12].ID');
  });
  it('leaves a placeholder without a value visible', () => {
    expect(formatMessage('en', 'status.unknown', {})).toContain('{title}');
  });
});
