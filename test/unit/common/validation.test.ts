import { describe, expect, it } from 'vitest';
import { checkBaseUrl, checkContactGroupId, checkToken } from '../../../common/validation.ts';

function refusedKey(result: { ok: boolean; message?: { key: string } }): string | undefined {
  return result.ok ? undefined : result.message?.key;
}

describe('checkToken', () => {
  it('keeps a pasted token and drops the line break copied with it', () => {
    expect(checkToken('  abc123XYZ-_.~\n')).toEqual({ ok: true, value: 'abc123XYZ-_.~' });
  });
  it.each([
    ['', 'input.token.empty'],
    ['   \n', 'input.token.empty'],
    ['abc def', 'input.token.whitespace'],
    ['abc\tdef', 'input.token.whitespace'],
    ['abc\u200bdef', 'input.token.whitespace'],
    ['abc\u0000def', 'input.token.characters'],
    ['abc\u007fdef', 'input.token.characters'],
    ['توکن', 'input.token.characters'],
  ])('refuses %j with %s', (input, key) => {
    expect(refusedKey(checkToken(input))).toBe(key);
  });
});

describe('checkContactGroupId', () => {
  it.each([
    ['0', '0'],
    ['12', '12'],
    [' 007 ', '7'],
    ['+5', '5'],
    ['۱۲', '12'],
    ['٣', '3'],
    ['9223372036854775807', '9223372036854775807'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkContactGroupId(input)).toEqual({ ok: true, value });
  });
  it('accepts a bigint in range', () => {
    expect(checkContactGroupId(9223372036854775807n)).toEqual({
      ok: true,
      value: '9223372036854775807',
    });
  });
  it.each([
    ['', 'input.group.empty'],
    ['  ', 'input.group.empty'],
    ['-1', 'input.group.negative'],
    ['−3', 'input.group.negative'],
    ['-۱', 'input.group.negative'],
    ['1.5', 'input.group.not-integer'],
    ['1.0', 'input.group.not-integer'],
    ['1e3', 'input.group.not-integer'],
    ['0x10', 'input.group.not-integer'],
    ['abc', 'input.group.not-integer'],
    ['1 2', 'input.group.not-integer'],
    ['9223372036854775808', 'input.group.too-large'],
    ['99999999999999999999999', 'input.group.too-large'],
  ])('refuses %j with %s', (input, key) => {
    expect(refusedKey(checkContactGroupId(input))).toBe(key);
  });
  it('refuses negative and overflowing bigints', () => {
    expect(refusedKey(checkContactGroupId(-1n))).toBe('input.group.negative');
    expect(refusedKey(checkContactGroupId(2n ** 63n))).toBe('input.group.too-large');
  });
});

describe('checkBaseUrl', () => {
  it('accepts https and drops a trailing slash', () => {
    expect(checkBaseUrl('https://portal.amootsms.com/rest/')).toEqual({
      ok: true,
      value: 'https://portal.amootsms.com/rest',
    });
  });
  it.each([
    'http://user:pw@127.0.0.1:8787/rest',
    'http://user@localhost/rest',
    'https://user@portal.amootsms.com/rest',
    'https://user:pw@x.example/rest',
    'https://:pw@x.example/rest',
    'https://@x.example/rest',
  ])('refuses a user name or password in %j, loopback or not', (url) => {
    expect(refusedKey(checkBaseUrl(url))).toBe('input.base-url.credentials');
  });
  it.each([
    'https://portal.amootsms.com/rest?x=1',
    'https://portal.amootsms.com/rest/#y',
    'http://127.0.0.1:8787/rest?',
  ])('refuses a query string or fragment in %j rather than storing another address', (url) => {
    expect(refusedKey(checkBaseUrl(url))).toBe('input.base-url.query');
  });
  it.each(['http://127.0.0.1:8787/rest', 'http://localhost:1/rest', 'http://[::1]:9/rest'])(
    'allows plain http only for loopback: %s',
    (url) => {
      expect(checkBaseUrl(url).ok).toBe(true);
    },
  );
  it.each(['http://127.0.0.1:8787/rest', 'http://localhost:1/rest', 'http://[::1]:9/rest'])(
    'refuses plain http to loopback too in the installed app: %s',
    (url) => {
      expect(refusedKey(checkBaseUrl(url, { allowLoopbackHttp: false }))).toBe(
        'input.base-url.loopback-http-installed',
      );
      expect(checkBaseUrl('https://127.0.0.1:8787/rest', { allowLoopbackHttp: false }).ok).toBe(
        true,
      );
    },
  );
  it('refuses plain http elsewhere, so the token never travels in clear', () => {
    expect(refusedKey(checkBaseUrl('http://portal.amootsms.com/rest'))).toBe(
      'input.base-url.insecure',
    );
  });
  it.each(['portal.amootsms.com', 'ftp://x.example/rest', ''])(
    'refuses %j as not a web address',
    (url) => {
      expect(refusedKey(checkBaseUrl(url))).toBe('input.base-url.invalid');
    },
  );
});
