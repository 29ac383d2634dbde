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
});
