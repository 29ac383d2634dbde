import { describe, expect, it } from 'vitest';
import {
  decideStatus,
  parseContactGroupId,
  parseGroupIdText,
} from '../../simulator/request-checks.ts';

const FORM = 'application/x-www-form-urlencoded';
const tokens = new Map([
  ['good', 'valid'],
  ['old', 'Token_Expired'],
]);

describe('parseGroupIdText', () => {
  it.each(['0', '42', '007', '9223372036854775807'])('accepts the long %s', (text) => {
    expect(parseGroupIdText(text)).toBe(BigInt(text));
  });

  it.each(['', '-1', '-0', '1.5', '1e3', '9223372036854775808', 'abc', ' 1', '0x10', '+1'])(
    'rejects %j',
    (text) => {
      expect(parseGroupIdText(text)).toBeNull();
    },
  );
});

describe('parseContactGroupId', () => {
  it('reads the form field the vendor samples send', () => {
    expect(parseContactGroupId(FORM, 'ContactGroupID=12')).toBe(12n);
    expect(parseContactGroupId(undefined, 'Other=1&ContactGroupID=3')).toBe(3n);
    expect(parseContactGroupId(FORM, 'Other=1')).toBeNull();
  });

  it('reads JSON, as the vendor Node sample sends, without rounding big numbers', () => {
    expect(parseContactGroupId('application/json', '{"ContactGroupID":0}')).toBe(0n);
    expect(parseContactGroupId('application/json', '{"ContactGroupID":"5"}')).toBe(5n);
    expect(parseContactGroupId('application/json', '{"ContactGroupID":9223372036854775807}')).toBe(
      9223372036854775807n,
    );
    expect(
      parseContactGroupId('application/json', '{"ContactGroupID":9223372036854775808}'),
    ).toBeNull();
    expect(parseContactGroupId('application/json', '{"ContactGroupID":1e2}')).toBeNull();
    expect(parseContactGroupId('application/json', '{"ContactGroupID":-1}')).toBeNull();
    expect(parseContactGroupId('application/json', '{"ContactGroupID":null}')).toBeNull();
    expect(parseContactGroupId('application/json', '[0]')).toBeNull();
    expect(parseContactGroupId('application/json', '{oops')).toBeNull();
    // A JSON body sent as text/plain (fetch's default for strings) is still recognised.
    expect(parseContactGroupId('text/plain;charset=UTF-8', '{"ContactGroupID":7}')).toBe(7n);
  });
});

describe('decideStatus', () => {
  const ask = (authorization: string | undefined, body = 'ContactGroupID=0') =>
    decideStatus({ authorization, contentType: FORM, body }, tokens);

  it('answers Success to a registered valid token with a valid group', () => {
    expect(ask('good')).toBe('Success');
  });

  it('checks the token before the group', () => {
    expect(ask(undefined, 'ContactGroupID=-1')).toBe('Token_Invalid');
    expect(ask('', 'ContactGroupID=-1')).toBe('Token_Invalid');
    expect(ask('nobody', 'ContactGroupID=-1')).toBe('Token_NotExists');
    expect(ask('old', 'ContactGroupID=-1')).toBe('Token_Expired');
    expect(ask('good', 'ContactGroupID=-1')).toBe('ContactGroupID_Invalid');
  });

  it('takes the raw token, so a "Bearer" prefix is an unknown token', () => {
    expect(ask('Bearer good')).toBe('Token_NotExists');
  });
});
