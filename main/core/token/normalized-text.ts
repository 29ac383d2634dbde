/**
 * Text with its escapes and percent-encoding taken off, and for each character left, the stretch
 * of the original text it came from. The redaction searches this form, so one search finds a token
 * however it was escaped or encoded, in time linear in the line (a pattern allowing escapes before
 * every character backtracks for seconds on a line of backslashes), and masks the original stretch.
 *
 * Taken off: every backslash, raw or `%5C` (JSON escaping at any depth, util.inspect's quoting);
 * every `%hh` in either case, also encoded again as `%25hh`, becomes its character (a URL, a form
 * body: a token has no blanks, so `+` for a blank never stands for one of its characters). A token
 * is normalised the same way, so a token holding `\` or `%41` itself still meets its encodings.
 */
export interface NormalizedText {
  /** The characters left. */
  readonly text: string;
  /** For character i of `text`: where its stretch of the original starts, escapes included. */
  readonly starts: readonly number[];
  /** And where it ends (exclusive). */
  readonly ends: readonly number[];
}

const PERCENT = /%(?:25)*([0-9a-fA-F]{2})/y;

export function normalizeText(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  let unitStart = 0;
  while (at < original.length) {
    let char = original[at] ?? '';
    let next = at + 1;
    if (char === '%') {
      PERCENT.lastIndex = at;
      const escape = PERCENT.exec(original);
      if (escape !== null) {
        char = String.fromCharCode(Number.parseInt(escape[1] ?? '', 16));
        next = PERCENT.lastIndex;
      }
    }
    at = next;
    // An escape belongs to the character after it: skipped, its stretch carried on.
    if (char === '\\') continue;
    text += char;
    starts.push(unitStart);
    ends.push(at);
    unitStart = at;
  }
  return { text, starts, ends };
}
