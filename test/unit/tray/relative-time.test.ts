import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatTimeAgo,
  formatTimeOfDay,
} from '../../../common/format/relative-time.ts';
import { MINUTE, NOW, TEHRAN } from './fixtures.ts';

const HOUR = 60 * MINUTE;

describe('formatTimeAgo', () => {
  it('counts whole minutes, then hours, then days', () => {
    expect(formatTimeAgo('en', NOW - 30_000, NOW)).toBe('this minute');
    expect(formatTimeAgo('en', NOW - MINUTE, NOW)).toBe('1 minute ago');
    expect(formatTimeAgo('en', NOW - 59 * MINUTE - 59_000, NOW)).toBe('59 minutes ago');
    expect(formatTimeAgo('en', NOW - 3 * HOUR - 10 * MINUTE, NOW)).toBe('3 hours ago');
    expect(formatTimeAgo('en', NOW - 26 * HOUR, NOW)).toBe('yesterday');
    expect(formatTimeAgo('en', NOW - 80 * HOUR, NOW)).toBe('3 days ago');
  });

  it('writes Persian with Persian digits', () => {
    expect(formatTimeAgo('fa', NOW - 12 * MINUTE, NOW)).toBe('۱۲ دقیقه پیش');
    expect(formatTimeAgo('fa', NOW - 5 * HOUR, NOW)).toBe('۵ ساعت پیش');
    expect(formatTimeAgo('fa', NOW - 26 * HOUR, NOW)).toBe('دیروز');
  });

  it('never says a sync happened in the future when the clock was set back', () => {
    expect(formatTimeAgo('en', NOW + 5 * MINUTE, NOW)).toBe('this minute');
    expect(formatTimeAgo('fa', NOW + 5 * MINUTE, NOW)).toBe('همین دقیقه');
  });
});

describe('formatClockTime', () => {
  it('gives the 24-hour local time on the same day', () => {
    const afternoon = Date.UTC(2026, 10, 27, 11, 0);
    expect(formatClockTime('en', afternoon, NOW, TEHRAN)).toBe('14:30');
    expect(formatClockTime('fa', afternoon, NOW, TEHRAN)).toBe('۱۴:۳۰');
  });

  it('adds the weekday when the time falls on another local day', () => {
    // 02:00 on Saturday in Tehran, though still Friday in UTC.
    const night = Date.UTC(2026, 10, 27, 22, 30);
    expect(formatClockTime('en', night, NOW, TEHRAN)).toBe('Saturday 02:00');
    expect(formatClockTime('fa', night, NOW, TEHRAN)).toBe('شنبه ۰۲:۰۰');
    expect(formatClockTime('en', night, NOW, 'UTC')).toBe('22:30');
  });
});

describe('formatTimeOfDay', () => {
  it('pads to two digits in either script', () => {
    expect(formatTimeOfDay('en', 8, 0)).toBe('08:00');
    expect(formatTimeOfDay('fa', 8, 5)).toBe('۰۸:۰۵');
  });
});
