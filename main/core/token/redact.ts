import { normalizeText, type NormalizedText } from './normalized-text.ts';

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
 * printable ASCII without blanks (`checkToken`), and these forms are covered:
 *
 * - escaped and percent-encoded, in any mix, case and depth (JSON, JSON in JSON, util.inspect, a
 *   URL, a form body): found in the line's normalised form (normalized-text.ts);
 * - base64 and base64url: the token can start at any of three byte offsets inside a longer
 *   encoded value (`user:token` in a Basic header), so for each offset the encoded characters that
 *   depend on the token alone are matched — at most the partial groups at its two ends are left,
 *   a few bits of the token each;
 * - hex in either case, the bytes optionally separated by a blank or a colon (a Buffer's inspect);
 * - the start of the token right before util.inspect's truncation mark (`'…'... 5 more
 *   characters`): a string over 10,000 characters shows only its start, which may end inside a
 *   token. Any prefix at all is masked there, since the mark makes a false match near impossible.
 *
 * Every match is found in the original text first and all are masked in one pass, so a short
 * secret cannot match inside the mask left by a longer one. Empty secrets are ignored; any other
 * length is redacted, however short, because a log that is harder to read is cheaper than a
 * leaked token. Each search is linear in the line (no pattern here can backtrack at length).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const known = prepared(secrets);
  if (known.secrets.length === 0) return text;
  const spans: Span[] = [];
  const normalized = normalizeText(text);
  for (const secret of known.secrets) {
    findNormalized(normalized, secret.normalized, spans);
    findTruncated(text, normalized, secret.prefixes, spans);
  }
  if (known.encoded !== null) {
    for (const match of text.matchAll(known.encoded)) {
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return mask(text, spans);
}

type Span = [start: number, end: number];

interface Prepared {
  readonly key: string;
  readonly secrets: readonly {
    /** The secret in normalised form. */
    readonly normalized: string;
    /**
     * Each start of the secret (one character, two, …) normalised on its own: a cut can fall
     * inside an escape the whole secret holds (`%4` of `%41`), which then stays as it is.
     */
    readonly prefixes: readonly string[];
  }[];
  /** The base64, base64url and hex forms of the secrets long enough for them, as one pattern. */
  readonly encoded: RegExp | null;
}

let cached: Prepared | null = null;

/** Built once per set of secrets, which changes only when a request starts or ends. */
function prepared(secrets: readonly string[]): Prepared {
  const trimmed = [...new Set(secrets.map((secret) => secret.trim()).filter((s) => s !== ''))];
  const key = trimmed.join('\n');
  if (cached?.key === key) return cached;
  const alternatives = trimmed
    .filter((secret) => secret.length >= MIN_ENCODED_LENGTH)
    .flatMap((secret) => encodedForms(Buffer.from(secret, 'utf8')));
  cached = {
    key,
    secrets: trimmed.map((secret) => ({
      // A secret of backslashes only normalises to nothing: then it is looked for as it is.
      normalized: normalizeText(secret).text || secret,
      prefixes: [...secret].map((_char, index) => normalizeText(secret.slice(0, index + 1)).text),
    })),
    encoded: alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'g'),
  };
  return cached;
}

function findNormalized(normalized: NormalizedText, secret: string, spans: Span[]): void {
  for (let at = normalized.text.indexOf(secret); at >= 0;) {
    spans.push(spanOf(normalized, at, at + secret.length));
    at = normalized.text.indexOf(secret, at + secret.length);
  }
}

/** The mark util.inspect puts after a string cut at `maxStringLength`: quote, `... N more`. */
const INSPECT_TRUNCATION = /['"`]\.\.\. \d+ more characters?/g;

function findTruncated(
  text: string,
  normalized: NormalizedText,
  prefixes: readonly string[],
  spans: Span[],
): void {
  for (const mark of text.matchAll(INSPECT_TRUNCATION)) {
    // The last character shown ends where the mark starts, or only escapes lie between (a
    // token's `\` shown as `\\`: normalising drops both).
    const last = lastIndexBefore(normalized.ends, mark.index);
    const gap = last < 0 ? 0 : (normalized.ends[last] ?? 0);
    if (!ONLY_ESCAPES.test(text.slice(gap, mark.index))) continue;
    const shown = normalized.text.slice(0, last + 1);
    const length = prefixes.findLastIndex((prefix) => prefix !== '' && shown.endsWith(prefix));
    const prefix = prefixes[length] ?? '';
    if (length >= 0) spans.push([normalized.starts[shown.length - prefix.length] ?? 0, mark.index]);
    // A secret that starts with a backslash, cut right after it: only escapes are shown.
    else if (prefixes[0] === '' && gap < mark.index) spans.push([gap, mark.index]);
  }
}

const ONLY_ESCAPES = /^(?:\\|%(?:25)*5[cC])*$/;

function lastIndexBefore(ends: readonly number[], position: number): number {
  let low = 0;
  let high = ends.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((ends[middle] ?? Infinity) <= position) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function spanOf(normalized: NormalizedText, from: number, to: number): Span {
  return [normalized.starts[from] ?? 0, normalized.ends[to - 1] ?? 0];
}

/** `text` with every span, overlapping ones merged, replaced by one mark each. */
function mask(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    if (start >= at) out += `${text.slice(at, start)}${REDACTED}`;
    at = end;
  }
  return out + text.slice(at);
}

function encodedForms(bytes: Buffer): string[] {
  const hex = [...bytes].map((byte) => caseless(byte.toString(16).padStart(2, '0')));
  const forms = [hex.join('[ :]?')];
  for (const inner of base64Inners(bytes)) {
    forms.push(escapeRegExp(inner), escapeRegExp(toBase64Url(inner)));
  }
  return forms;
}

function caseless(hex: string): string {
  return [...hex]
    .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
    .join('');
}

/**
 * For each offset (0, 1, 2 bytes into a 3-byte group) the base64 characters fixed by the secret
 * alone: the groups that hold only its bytes, and the same with the padded end (token last).
 */
function base64Inners(bytes: Buffer): string[] {
  const inners: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const lead = (3 - offset) % 3;
    const whole = Math.floor((bytes.length - lead) / 3) * 3;
    if (whole <= 0) continue;
    const encoded = bytes.subarray(lead, lead + whole).toString('base64');
    const rest = bytes.subarray(lead + whole);
    if (rest.length > 0) inners.push(`${encoded}${rest.toString('base64')}`);
    inners.push(encoded);
  }
  return inners;
}

function toBase64Url(base64: string): string {
  return base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
