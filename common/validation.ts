import type { LocalizedMessage } from './i18n/format-message.ts';

/** Either the cleaned value or the reason it was refused, ready to show in both languages. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: LocalizedMessage };

const MAX_INT64 = 9223372036854775807n;

/**
 * A token as pasted: surrounding white space (a copied line break) is dropped; anything inside that
 * cannot travel in an HTTP header is refused rather than sent and rejected by the server.
 */
export function checkToken(input: string): Checked<string> {
  const token = input.trim();
  if (token === '') return refuse('input.token.empty');
  if (/[\s\u0085\u200b-\u200f\u2028\u2029\ufeff]/u.test(token))
    return refuse('input.token.whitespace');
  if (!/^[\x21-\x7e]+$/.test(token)) return refuse('input.token.characters');
  return { ok: true, value: token };
}

/**
 * ContactGroupID is a signed 64-bit integer that must not be negative. It is checked here, before
 * any request, so a typo never costs a round trip. Persian digits are accepted; the value is
 * returned in canonical decimal form (no leading zeros).
 */
export function checkContactGroupId(input: string | bigint): Checked<string> {
  if (typeof input === 'bigint') return checkRange(input);
  const text = toAsciiDigits(input.trim());
  if (text === '') return refuse('input.group.empty');
  if (/^[-\u2212]\s*\d+$/.test(text)) return refuse('input.group.negative');
  if (!/^\+?\d+$/.test(text)) return refuse('input.group.not-integer');
  return checkRange(BigInt(text.replace('+', '')));
}

function checkRange(value: bigint): Checked<string> {
  if (value < 0n) return refuse('input.group.negative');
  if (value > MAX_INT64) return refuse('input.group.too-large');
  return { ok: true, value: value.toString() };
}

/**
 * The API base URL: https only, because the token travels in a header; plain http is allowed for
 * loopback alone, where the local simulator runs. A user name or password in it (`user:pw@`) is
 * refused, loopback included: it would be sent along with every request and kept in the settings
 * file in clear. So are a query string and a fragment: the API takes none, and dropping them
 * silently would store another address than the one typed. Returned without a trailing slash.
 *
 * `allowLoopbackHttp: false` (the installed app, `BaseUrlPolicy`) refuses plain http to loopback
 * too: there it is no simulator but whatever listens on the user's computer, and it would read
 * the token in clear. The cli's `--base-url` and a copy run from the sources keep it.
 */
export function checkBaseUrl(input: string, policy: BaseUrlPolicy = {}): Checked<string> {
  const example = 'https://portal.amootsms.com/rest';
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('input.base-url.invalid', { example });
  }
  if (url.username !== '' || url.password !== '' || /^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(text)) {
    return refuse('input.base-url.credentials', { example });
  }
  if (/[?#]/.test(text)) return refuse('input.base-url.query', { example });
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    return policy.allowLoopbackHttp === false
      ? refuse('input.base-url.loopback-http-installed', { example })
      : accept(url);
  }
  if (url.protocol === 'http:') return refuse('input.base-url.insecure');
  if (url.protocol !== 'https:') return refuse('input.base-url.invalid', { example });
  return accept(url);
}

/** Where a base URL may point, beyond https: see `checkBaseUrl`. */
export interface BaseUrlPolicy {
  /** Plain http to a loopback address (the local simulator); allowed unless false. */
  readonly allowLoopbackHttp?: boolean;
}

function accept(url: URL): Checked<string> {
  return { ok: true, value: url.href.replace(/\/+$/, '') };
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function refuse(key: LocalizedMessage['key'], params?: LocalizedMessage['params']): Checked<never> {
  return { ok: false, message: params ? { key, params } : { key } };
}

/**
 * Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits become ASCII digits, because a
 * Persian keyboard types them and the API accepts only ASCII.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
