import { describe, expect, it } from 'vitest';
import { describeError } from '../../../main/core/describe-error.ts';

describe('describeError, the one way an error becomes a log line', () => {
  const error = new RangeError('interval out of range');

  it('gives as much as the caller asks for', () => {
    expect(describeError(error, 'name')).toBe('RangeError');
    expect(describeError(error, 'message')).toBe('interval out of range');
    expect(describeError(error, 'summary')).toBe('RangeError: interval out of range');
    expect(describeError(error)).toMatch(/^RangeError: interval out of range\n\s+at /);
  });

  it('says what a thrown non-error was, and only its type where names alone are wanted', () => {
    expect(describeError('disk full', 'summary')).toBe('disk full');
    expect(describeError(42)).toBe('42');
    expect(describeError({ secret: 'x' }, 'name')).toBe('object');
  });

  it('never throws, even for an error whose message getter does', () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('boom');
      },
    });
    expect(describeError(hostile, 'summary')).toBe('an error that could not be described');
  });
});
