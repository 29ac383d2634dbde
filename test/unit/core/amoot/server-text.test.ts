import { describe, expect, it } from 'vitest';
import { parseContactListBody } from '../../../../main/core/amoot/parse-body.ts';
import { cleanServerText } from '../../../../main/core/amoot/server-text.ts';
import { createServerTimeParser } from '../../../../main/core/amoot/server-time.ts';

const parse = (text: string) => parseContactListBody(text, createServerTimeParser('Asia/Tehran'));

describe('server text is cut and cleaned before it is kept or shown', () => {
  it('a Status of 5 MB becomes a status of at most 200 characters and a short title', () => {
    const result = parse(JSON.stringify({ Status: `Odd_${'x'.repeat(5_000_000)}`, Data: [] }));
    if (result.ok) throw new Error('an unknown title must fail');
    expect(result.error.kind).toBe('unknown');
    expect(result.error.status?.length).toBe(200);
    expect(result.error.status?.startsWith('Odd_x')).toBe(true);
    expect(String(result.error.message.params?.['title'])).toHaveLength(80);
    expect(result.error.detail.length).toBeLessThan(300);
    expect(result.error.detail).toContain('cut from 5000004 characters');
  });

  it('drops control and bidi characters, folds whitespace, never splits a surrogate pair', () => {
    expect(cleanServerText('\u202Egnp.exe\u0007 Odd\r\n\tTitle\u200B ')).toBe('gnp.exe Odd Title');
    expect(cleanServerText(`${'a'.repeat(199)}😀`)).toBe('a'.repeat(199));
    expect(cleanServerText('Brand_New_Status')).toBe('Brand_New_Status');
  });

  it('keeps the zero-width non-joiner of a Persian status, which is part of its spelling', () => {
    const persian = 'توکن\u200Cها منقضی می\u200Cشوند';
    expect(cleanServerText(persian)).toBe(persian);
    const result = parse(JSON.stringify({ Status: persian, Data: [] }));
    if (result.ok) throw new Error('an unknown title must fail');
    expect(result.error.status).toBe(persian);
  });
});
