/** What a secret is replaced with: visibly a redaction, and not mistaken for a short token. */
export const REDACTED = '[redacted]';

/**
 * Below this length a secret is matched only as itself (with its escapes and percent forms): the
 * base64 or hex of a few characters is a short run of letters and digits that occurs all over a
 * log, and masking every such run would make the log unreadable for a "token" nobody really uses.
 */
export const MIN_ENCODED_LENGTH = 8;

/**
 * Replaces every occurrence of each secret in `text`, in every form a log line can hold it in.
 * Each secret is trimmed first (a pasted token often carries a line break). A valid token is
 * printable ASCII without blanks (`checkToken`), so the forms are built per character rather than
 * by decoding the line, which would need a guess at where an encoded run starts and ends:
 *
 * - each character may be itself or `%hh` in either hex case, `%25hh` when encoded twice (a URL,
 *   a form body: `+` for a blank cannot occur, a token has no blanks, and a literal `+` is `%2B`);
 * - each character may follow any number of backslashes, raw or as `%5C`: JSON escaping, once or
 *   twice over, and `util.inspect`'s quoting, which escape `"`, `\` and `'`;
 * - base64 and base64url: the token can start at any of three byte offsets inside a longer
 *   encoded value (`user:token` in a Basic header), so for each offset the encoded characters that
 *   depend on the token alone are matched — at most the two partial groups at its ends are left,
 *   which hold no more than a few bits of the token each;
 * - hex in either case, the bytes optionally separated by a blank or a colon (a Buffer's inspect);
 * - a prefix of the token right before `util.inspect`'s truncation mark (`'…'... 5 more
 *   characters`): a string over 10,000 characters shows only its start, which may end inside a
 *   token. Any prefix at all is masked there, since the mark makes a false match near impossible.
 *
 * All forms are replaced in one pass, so a short secret cannot match inside the mask left by a
 * longer one. Empty secrets are ignored; any other length is redacted, however short, because a log
 * that is harder to read is cheaper than a leaked token. The pattern is built once per set of
 * secrets, which changes only when a request starts or ends.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const pattern = patternFor(secrets);
  return pattern === null ? text : text.replace(pattern, REDACTED);
}

let cached: { key: string; pattern: RegExp | null } | null = null;

function patternFor(secrets: readonly string[]): RegExp | null {
  const trimmed = [...new Set(secrets.map((secret) => secret.trim()).filter((s) => s !== ''))];
  const key = trimmed.join('\n');
  if (cached?.key === key) return cached.pattern;
  const alternatives = trimmed.flatMap(formsOf);
  const pattern = alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'g');
  cached = { key, pattern };
  return pattern;
}

/** Every pattern for one secret, whole forms first so they win over a prefix at the same place. */
function formsOf(secret: string): string[] {
  const chars = [...secret].map(charPattern);
  const forms = [chars.join('')];
  if (secret.length >= MIN_ENCODED_LENGTH) {
    const bytes = Buffer.from(secret, 'utf8');
    forms.push(hexPattern(bytes));
    for (const inner of base64Inners(bytes)) {
      forms.push(escapeRegExp(inner), escapeRegExp(toBase64Url(inner)));
    }
  }
  forms.push(`${nestedPrefix(chars)}${INSPECT_TRUNCATION}`);
  return forms;
}

/** The mark `util.inspect` puts after a string cut at `maxStringLength`: quote, `... N more`. */
const INSPECT_TRUNCATION = '(?=\\\\*[\'"`]\\.\\.\\. \\d+ more characters?)';

const ESCAPES = '(?:\\\\|%(?:25)*5[cC])*';

function charPattern(char: string): string {
  const hex = char.codePointAt(0)?.toString(16).padStart(2, '0') ?? '';
  return `${ESCAPES}(?:${escapeRegExp(char)}|%(?:25)*${caseless(hex)})`;
}

/** `p1(?:p2(?:p3)?)?`: the first character, then as many more as follow. */
function nestedPrefix(chars: readonly string[]): string {
  const [first, ...rest] = chars;
  return `${first ?? ''}${rest.reduceRight((inner, char) => `(?:${char}${inner})?`, '')}`;
}

function hexPattern(bytes: Buffer): string {
  return [...bytes].map((byte) => caseless(byte.toString(16).padStart(2, '0'))).join('[ :]?');
}

function caseless(hex: string): string {
  return [...hex]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

/**
 * For each offset (0, 1, 2 bytes into a 3-byte group) the base64 characters fixed by the secret
 * alone: the groups that hold only its bytes, plus a final padded group when it ends the value.
 */
function base64Inners(bytes: Buffer): string[] {
  const inners: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const lead = (3 - offset) % 3;
    const whole = Math.floor((bytes.length - lead) / 3) * 3;
    if (whole <= 0) continue;
    const encoded = bytes.subarray(lead, lead + whole).toString('base64');
    const rest = bytes.subarray(lead + whole);
    // The inner groups, and separately the same followed by the padded end (token last).
    inners.push(encoded);
    if (rest.length > 0) inners.push(`${encoded}${rest.toString('base64')}`);
  }
  return inners.sort((a, b) => b.length - a.length);
}

function toBase64Url(base64: string): string {
  return base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
