import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeOfDay, systemLocalTime } from '../../../../main/core/scheduler/local-time.ts';
import { DAY } from './harness.ts';

/** Days since 1970 of the local calendar date of `ms`, whatever zone the machine is in. */
function localDayNumber(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY;
}

describe('systemLocalTime.tomorrowAt', () => {
  it('lands on the next local calendar day at the hour asked, in any zone and on any day', () => {
    const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(
      fc.property(instants, fc.constantFrom(6, 8, 9, 12, 18), (now, hour) => {
        const at = systemLocalTime.tomorrowAt(now, hour, 30);
        expect(localDayNumber(at)).toBe(localDayNumber(now) + 1);
        expect(new Date(at).getHours()).toBe(hour);
        expect(new Date(at).getMinutes()).toBe(30);
        expect(at).toBeGreaterThan(now);
      }),
      { numRuns: 2000 },
    );
  });
  it('rolls over a year end', () => {
    const now = new Date(2026, 11, 31, 23, 30).getTime();
    const at = new Date(systemLocalTime.tomorrowAt(now, 8, 0));
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours()]).toEqual([2027, 0, 1, 8]);
  });
  it('at 00:30 means the next calendar day, not the coming morning', () => {
    const now = new Date(2026, 5, 10, 0, 30).getTime();
    expect(localDayNumber(systemLocalTime.tomorrowAt(now, 8, 0))).toBe(localDayNumber(now) + 1);
  });
});

describe('parseTimeOfDay', () => {
  it('reads 24-hour HH:MM', () => {
    expect(parseTimeOfDay('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
  });
  it.each(['8:00', '24:00', '12:60', '08:00 ', '0800', '', '08:00:00', '۰۸:۰۰'])(
    'refuses %j',
    (text) => {
      expect(parseTimeOfDay(text)).toBeNull();
    },
  );
});
