import { describe, expect, it } from 'vitest';
import { FaultError, parseFault, parseTimes } from '../../simulator/fault-parse.ts';

describe('parseFault', () => {
  it.each([
    [{ kind: 'latency', ms: 10 }],
    [{ kind: 'rate-limit' }],
    [{ kind: 'rate-limit', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }],
    [{ kind: 'http-status', status: 503 }],
    [{ kind: 'status', title: 'Weird_New_Status' }],
    [{ kind: 'wrong-types', variant: 'data-null' }],
    [{ kind: 'wrong-types', variant: 'id-string', index: 3 }],
    [{ kind: 'duplicate-ids', count: 2 }],
    [{ kind: 'gzip' }],
    [null],
  ])('accepts %j', (fault) => {
    expect(parseFault(fault)).toEqual(fault);
  });

  it('turns a numeric Retry-After into the header text', () => {
    expect(parseFault({ kind: 'rate-limit', retryAfter: 30 })).toEqual({
      kind: 'rate-limit',
      retryAfter: '30',
    });
  });

  it.each([
    [{ kind: 'ratelimit' }, /unknown fault kind/],
    [{ kind: 'latency' }, /fault.ms/],
    [{ kind: 'latency', ms: -1 }, /fault.ms/],
    [{ kind: 'http-status', status: 200 }, /fault.status/],
    [{ kind: 'wrong-types', variant: 'nope' }, /fault.variant/],
    [{ kind: 'wrong-types', variant: 'id-string', index: 1.5 }, /fault.index/],
    [{ kind: 'duplicate-ids', count: 0 }, /fault.count/],
    [{ kind: 'status' }, /fault.title/],
    [[], /object or null/],
  ])('rejects %j', (fault, message) => {
    expect(() => parseFault(fault)).toThrow(FaultError);
    expect(() => parseFault(fault)).toThrow(message);
  });

  it('requires times to be a positive integer', () => {
    expect(parseTimes(undefined)).toBeUndefined();
    expect(parseTimes(3)).toBe(3);
    expect(() => parseTimes(0)).toThrow(FaultError);
    expect(() => parseTimes('2')).toThrow(FaultError);
  });
});
