import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  intervalMs,
  jitterFactor,
  MAX_RETRY_AFTER_MS,
} from '../../../../main/core/scheduler/scheduler-policy.ts';
import { DAY, HOUR, MINUTE } from './harness.ts';

describe('intervalMs', () => {
  it('turns the setting into ms within 1 min..24 h', () => {
    expect(intervalMs(15)).toBe(15 * MINUTE);
    expect(intervalMs(0)).toBe(MINUTE);
    expect(intervalMs(-3)).toBe(MINUTE);
    expect(intervalMs(100_000)).toBe(DAY);
  });
  it('falls back to the default 15 min rather than spinning or hanging on a broken value', () => {
    expect(intervalMs(Number.NaN)).toBe(15 * MINUTE);
    expect(intervalMs(Number.POSITIVE_INFINITY)).toBe(15 * MINUTE);
  });
});

describe('jitterFactor', () => {
  it('stays within ±10% for any draw, even outside [0, 1)', () => {
    fc.assert(
      fc.property(fc.double(), (draw) => {
        const factor = jitterFactor(draw);
        expect(factor).toBeGreaterThanOrEqual(0.9);
        expect(factor).toBeLessThanOrEqual(1.1);
      }),
    );
  });
  it('spans the whole band', () => {
    expect(jitterFactor(0)).toBeCloseTo(0.9);
    expect(jitterFactor(0.5)).toBeCloseTo(1);
    expect(jitterFactor(0.999999)).toBeCloseTo(1.1);
  });
});

describe('backoffMs', () => {
  it('doubles from one minute and stops at the interval', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((failures) => backoffMs(failures, 15 * MINUTE, 0));
    expect(waits).toEqual([1, 2, 4, 8, 15, 15, 15].map((minutes) => minutes * MINUTE));
  });
  it('never waits less than Retry-After, even past the interval', () => {
    expect(backoffMs(1, 15 * MINUTE, 5 * MINUTE)).toBe(5 * MINUTE);
    expect(backoffMs(3, 15 * MINUTE, 30_000)).toBe(4 * MINUTE);
    expect(backoffMs(1, 15 * MINUTE, 2 * HOUR)).toBe(2 * HOUR);
  });
  it('caps an absurd Retry-After at a day and survives huge failure counts', () => {
    expect(backoffMs(1, 15 * MINUTE, 30 * DAY)).toBe(MAX_RETRY_AFTER_MS);
    expect(backoffMs(10_000, 15 * MINUTE, 0)).toBe(15 * MINUTE);
  });
});
