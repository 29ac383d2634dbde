import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { epochMsFromStamp, formatTehran, stampFromEpochMs } from '../../simulator/tehran-time.ts';

const TEHRAN_MS = 3.5 * 3600 * 1000;

describe('formatTehran', () => {
  it('writes the vendor sample: Tehran wall time, two fraction digits, no offset', () => {
    // 2025-10-20T13:11:03.35 in Tehran is 09:41:03.35 UTC.
    const seconds = Date.UTC(2025, 9, 20, 9, 41, 3) / 1000;
    expect(formatTehran(seconds, 3_500_000)).toBe('2025-10-20T13:11:03.35');
  });

  it('trims trailing zeros like .NET, down to no fraction at all', () => {
    const seconds = Date.UTC(2024, 0, 1, 0, 0, 0) / 1000;
    expect(formatTehran(seconds, 0)).toBe('2024-01-01T03:30:00');
    expect(formatTehran(seconds, 1_000_000)).toBe('2024-01-01T03:30:00.1');
    expect(formatTehran(seconds, 1_230_000)).toBe('2024-01-01T03:30:00.123');
    expect(formatTehran(seconds, 1_234_567)).toBe('2024-01-01T03:30:00.1234567');
    expect(formatTehran(seconds, 1)).toBe('2024-01-01T03:30:00.0000001');
  });

  it('crosses midnight and year ends in Tehran, not UTC', () => {
    const seconds = Date.UTC(2024, 11, 31, 21, 0, 0) / 1000;
    expect(formatTehran(seconds, 0)).toBe('2025-01-01T00:30:00');
  });

  it('uses a fixed +03:30 all year (no daylight saving)', () => {
    for (const month of [0, 3, 6, 9]) {
      const ms = Date.UTC(2025, month, 15, 12, 0, 0);
      expect(formatTehran(ms / 1000, 0)).toBe(new Date(ms + TEHRAN_MS).toISOString().slice(0, 19));
    }
  });

  it('round-trips any millisecond instant through the wall-time text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const stamp = stampFromEpochMs(ms);
        expect(epochMsFromStamp(stamp)).toBe(ms);
        const text = formatTehran(stamp.seconds, stamp.ticks);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,6}[1-9])?$/);
        expect(Date.parse(`${text}+03:30`)).toBe(ms);
      }),
    );
  });
});
