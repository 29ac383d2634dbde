import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../../main/core/amoot/retry-after.ts';

const now = Date.parse('2026-11-27T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:01:30 GMT', now)).toBe(90_000);
  });
  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it.each([null, '', 'soon', '-5', '1.5', 'Xyz, 99 Foo 2026 10:00:00 GMT'])(
    'ignores %j',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeUndefined();
    },
  );
});
