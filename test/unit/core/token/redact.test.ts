import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../../../main/core/token/redact.ts';

describe('redactSecrets', () => {
  it('replaces every occurrence of the token', () => {
    const text = 'Authorization: abc.123-XYZ sent; retry with abc.123-XYZ';
    expect(redactSecrets(text, ['abc.123-XYZ'])).toBe(
      `Authorization: ${REDACTED} sent; retry with ${REDACTED}`,
    );
  });

  it('catches the token as pasted with a line break, URL-encoded and JSON-escaped', () => {
    const token = 'a+b/c"d\\e';
    const text = [
      `raw ${token}`,
      `form Token=${encodeURIComponent(token)}`,
      `json ${JSON.stringify({ token })}`,
    ].join('\n');
    const out = redactSecrets(text, [`${token}\n`]);
    expect(out).not.toContain('a+b/c');
    expect(out).not.toContain('a%2Bb');
    expect(out).toBe(
      [`raw ${REDACTED}`, `form Token=${REDACTED}`, `json {"token":"${REDACTED}"}`].join('\n'),
    );
  });

  it('treats regular-expression characters in a token literally', () => {
    expect(redactSecrets('x.*y and xzzy', ['x.*y'])).toBe(`${REDACTED} and xzzy`);
  });

  it('does not let a short secret eat into the mask of a longer one', () => {
    expect(redactSecrets('long-secret then d', ['long-secret', 'd'])).toBe(
      `${REDACTED} then ${REDACTED}`,
    );
  });

  it('leaves text alone when there is nothing to hide', () => {
    expect(redactSecrets('nothing secret here', [])).toBe('nothing secret here');
    expect(redactSecrets('nothing secret here', ['', '   '])).toBe('nothing secret here');
  });

  describe('catches the encoded forms a log line can hold', () => {
    const token = 'Ab+/c"d\\e\'f,g;h&i%j=k~';
    const utf8 = Buffer.from(token, 'utf8');
    it.each([
      ['form-encoded', new URLSearchParams({ token }).toString()],
      [
        'percent-encoded, lower case',
        encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      ],
      ['percent-encoded twice', encodeURIComponent(encodeURIComponent(token))],
      ['JSON-escaped twice', JSON.stringify(JSON.stringify({ token }))],
      ['inspected', inspect({ token })],
      ['base64 at offset 0', utf8.toString('base64')],
      ['base64 at offset 1', Buffer.from(`x${token}`).toString('base64')],
      ['base64 at offset 2 (Basic)', `Basic ${Buffer.from(`me:${token}`).toString('base64')}`],
      ['base64url', utf8.toString('base64url')],
      ['hex', utf8.toString('hex')],
      ['HEX', utf8.toString('hex').toUpperCase()],
      ["a Buffer's inspect", inspect(utf8)],
    ])('%s', (_name, line) => {
      const out = redactSecrets(`before ${line} after`, [token]);
      expect(out).toContain(REDACTED);
      expect(out).toMatch(/^before .*after$/);
      for (const form of [
        token,
        encodeURIComponent(token),
        utf8.toString('base64').slice(4, -4),
        utf8.toString('base64url').slice(4, -4),
        utf8.toString('hex').slice(2, -2),
      ]) {
        expect(out.toLowerCase()).not.toContain(form.toLowerCase());
      }
    });

    it('the start of a token that util.inspect cut off after 10,000 characters', () => {
      const long = `${'x'.repeat(10_000 - 8)}${token}`;
      const out = redactSecrets(`value: ${inspect(long)}`, [token]);
      expect(out).not.toContain(token.slice(0, 8));
      expect(out).toMatch(/x\[redacted\]'\.\.\. \d+ more characters$/);
    });

    it('but leaves other text, and short runs of letters in a short token, alone', () => {
      const text = 'sync 42 committed: 5 updated, hex cafe, base64 YWJj, 10 more characters';
      expect(redactSecrets(text, [token])).toBe(text);
      expect(redactSecrets('the abc and YWJj stay', ['abc'])).toBe(`the ${REDACTED} and YWJj stay`);
    });
  });

  it('answers at once on lines made to make a pattern backtrack', () => {
    const token = 'a\\\\b\\c%41';
    for (const line of ['\\'.repeat(20_000), `z${'\\'.repeat(20_000)}'... 3 more characters`]) {
      for (let round = 0; round < 20; round += 1) expect(redactSecrets(line, [token])).toBe(line);
    }
  });
});
