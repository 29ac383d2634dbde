import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  fieldPath,
  integer,
  nothing,
  object,
  oneOf,
  string,
  variantByKey,
} from '../../../common/ipc/parse.ts';

describe('parse combinators', () => {
  const query = object(
    { order: oneOf(['a', 'b'] as const) },
    {
      kinds: arrayOf(oneOf(['x', 'y'] as const), { maxLength: 3 }),
      size: integer({ min: 1, max: 9 }),
    },
  );

  it('returns a new object holding only the known fields', () => {
    const input = { order: 'a', kinds: ['x'] };
    const parsed = query(input);
    expect(parsed).toEqual({ ok: true, value: { order: 'a', kinds: ['x'] } });
    if (parsed.ok) {
      expect(parsed.value).not.toBe(input);
      expect(parsed.value.kinds).not.toBe(input.kinds);
    }
  });

  it('names the failing field down to the list item', () => {
    expect(query({ order: 'a', kinds: ['x', 'z'] })).toMatchObject({
      ok: false,
      path: '$.kinds[1]',
    });
    expect(query({ order: 'c' })).toMatchObject({ path: '$.order', expected: 'one of "a", "b"' });
    expect(query({ order: 'a', size: 10 })).toMatchObject({
      path: '$.size',
      expected: 'an integer from 1 to 9',
    });
    expect(query({})).toMatchObject({ path: '$.order' });
    expect(query(null)).toMatchObject({ path: '$', expected: 'an object' });
  });

  it('refuses unknown fields, symbol keys, holes and oversized lists', () => {
    expect(query({ order: 'a', extra: 1 })).toMatchObject({ path: '$.extra' });
    expect(query({ order: 'a', [Symbol('s')]: 1 })).toMatchObject({ path: '$[symbol]' });
    const holes: string[] = [];
    holes[1] = 'x';
    expect(query({ order: 'a', kinds: holes })).toMatchObject({ path: '$.kinds[0]' });
    expect(query({ order: 'a', kinds: ['x', 'x', 'x', 'x'] })).toMatchObject({ path: '$.kinds' });
  });

  it('accepts objects without a prototype but not class instances or boxed values', () => {
    const bare = Object.assign(Object.create(null) as object, { order: 'b' });
    expect(query(bare)).toMatchObject({ ok: true });
    expect(
      query(
        new (class {
          order = 'a';
        })(),
      ),
    ).toMatchObject({ path: '$' });
    expect(string({ maxLength: 5 })(new String('abc'))).toMatchObject({ ok: false });
    expect(integer({ min: 0, max: 5 })(new Number(1))).toMatchObject({ ok: false });
  });

  it('does not let a __proto__ field change the result prototype', () => {
    const input = JSON.parse('{"order":"a","__proto__":{"polluted":true}}') as unknown;
    expect(query(input)).toMatchObject({ ok: false, path: '$.__proto__' });
  });

  it('writes odd keys so the path stays readable and short', () => {
    expect(fieldPath('$', 'limit')).toBe('$.limit');
    expect(fieldPath('$', 'a b')).toBe('$["a b"]');
    expect(fieldPath('$', 'k'.repeat(100))).toBe(`$["${'k'.repeat(40)}…"]`);
  });

  it('tells the shapes of a union apart by their key', () => {
    const pause = variantByKey<{ for: number } | { until: string }>(
      {
        for: object({ for: integer({ min: 1, max: 10 }) }),
        until: object({ until: string({ maxLength: 5 }) }),
      },
      'a pause',
    );
    expect(pause({ for: 3 })).toEqual({ ok: true, value: { for: 3 } });
    expect(pause({ until: 'x' })).toEqual({ ok: true, value: { until: 'x' } });
    expect(pause({ for: 3, until: 'x' })).toMatchObject({ path: '$.until' });
    expect(pause({ other: 1 })).toMatchObject({ path: '$', expected: 'a pause' });
  });

  it('accepts no argument only as undefined', () => {
    expect(nothing(undefined)).toEqual({ ok: true, value: undefined });
    for (const value of [null, 0, '', {}, []]) expect(nothing(value)).toMatchObject({ ok: false });
  });
});
