import { describe, expect, it } from 'vitest';
import { createServerTimeParser } from '../../../../main/core/amoot/server-time.ts';

const tehran = createServerTimeParser('Asia/Tehran');
const iso = (text: string, parse = tehran) => {
  const value = parse(text);
  return value === null ? null : new Date(value).toISOString();
};

describe('server time (Asia/Tehran wall clock) to an instant', () => {
  it("converts the vendor's sample with two fraction digits", () => {
    expect(iso('2025-10-20T13:11:03.35')).toBe('2025-10-20T09:41:03.350Z');
  });
  it.each([
    ['2025-10-20T13:11:03', '2025-10-20T09:41:03.000Z'],
    ['2025-10-20T13:11:03.3', '2025-10-20T09:41:03.300Z'],
    ['2025-10-20T13:11:03.357', '2025-10-20T09:41:03.357Z'],
    ['2025-10-20T13:11:03.3579', '2025-10-20T09:41:03.357Z'],
    ['2025-10-20T13:11:03.3579999', '2025-10-20T09:41:03.357Z'],
  ])('accepts 0 to 7 fraction digits: %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });
  it('applies the daylight saving Iran had until 2022 (UTC+04:30 in summer)', () => {
    expect(iso('2021-06-01T12:00:00')).toBe('2021-06-01T07:30:00.000Z');
    expect(iso('2021-12-01T12:00:00')).toBe('2021-12-01T08:30:00.000Z');
  });
  it('crosses midnight and the year into UTC correctly', () => {
    expect(iso('2026-01-01T02:00:00')).toBe('2025-12-31T22:30:00.000Z');
  });
  it('takes the zone as a parameter', () => {
    expect(iso('2025-07-01T12:00:00', createServerTimeParser('UTC'))).toBe(
      '2025-07-01T12:00:00.000Z',
    );
    expect(iso('2025-07-01T12:00:00', createServerTimeParser('America/Toronto'))).toBe(
      '2025-07-01T16:00:00.000Z',
    );
  });
  it('accepts 29 February in a leap year', () => {
    expect(iso('2024-02-29T00:00:00')).toBe('2024-02-28T20:30:00.000Z');
  });
  it.each([
    '2023-02-29T00:00:00',
    '2025-04-31T00:00:00',
    '2025-13-01T00:00:00',
    '2025-00-10T00:00:00',
    '2025-10-00T00:00:00',
    '2025-10-20T24:00:00',
    '2025-10-20T13:60:00',
    '2025-10-20T13:11:60',
    '2025-10-20T13:11:03.12345678',
    '2025-10-20 13:11:03',
    '2025-10-20T13:11:03Z',
    '2025-10-20T13:11:03+03:30',
    '2025-10-20',
    '',
    '0000-01-01T00:00:00',
  ])('refuses the impossible or malformed %j', (text) => {
    expect(tehran(text)).toBeNull();
  });
});
