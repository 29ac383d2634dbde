import { describe, expect, it } from 'vitest';
import { checkId, checkIdPrefix } from '../../../../main/adapters/sqlite/mirror-input.ts';

describe('checkId', () => {
  it.each(['0', '7', '12345678', '9007199254740993', '9223372036854775807', '1000000000000000000'])(
    'accepts %s',
    (id) => {
      expect(checkId(id, 'id')).toBe(id);
    },
  );
  it.each<[unknown, string]>([
    ['9223372036854775808', 'one past the largest 64-bit value'],
    ['99999999999999999999', 'twenty digits'],
    ['007', 'a leading zero'],
    ['-1', 'a sign'],
    ['+1', 'a plus sign'],
    ['1.0', 'a decimal point'],
    ['1e3', 'an exponent'],
    ['', 'nothing'],
    [' 1', 'white space'],
    ['۱۲', 'Persian digits (the mirror stores canonical ASCII)'],
    [12, 'a number'],
    [12n, 'a bigint'],
  ])('refuses %s (%s) naming the field', (id: unknown, _why: string) => {
    expect(() => checkId(id, 'changes[3].id')).toThrow(/^changes\[3\]\.id must be/);
    expect(() => checkId(id, 'x')).toThrow(RangeError);
  });
});

describe('checkIdPrefix', () => {
  it('reads Persian and Arabic-Indic digits as digits', () => {
    expect(checkIdPrefix('۱۲٣', 'p')).toBe('123');
    expect(checkIdPrefix('', 'p')).toBe('');
    expect(checkIdPrefix('9223372036854775807', 'p')).toBe('9223372036854775807');
  });
  it.each(['12a', '-1', ' 1', '1'.repeat(20), 5])('refuses %j', (prefix) => {
    expect(() => checkIdPrefix(prefix, 'query.idPrefix')).toThrow(/query\.idPrefix/);
  });
});
