import { isUtf8 } from 'node:buffer';
import type { ContactUpdate } from '../../../common/amoot-types.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { wallTimeAsUtcMs, type WallClockConverter } from './server-time.ts';

/** What a successful scan found; the same shape the reference parser returns. */
export interface ScannedList {
  readonly ok: true;
  readonly records: ContactUpdate[];
  readonly duplicates: number;
}

/**
 * The fast path for a successful answer: reads `{"Status":"Success","Data":[…]}` straight from the
 * bytes, materialising only the three fields of each item — no text copy of the body, no tree of a
 * million parsed objects. That keeps a million-contact sync within a few times the cost of a bare
 * `JSON.parse`, and its memory well under the body's size times four.
 *
 * It is strict JSON, but deliberately narrow: anything it does not expect (an escape in a field it
 * reads, a fraction or sign in an ID, a date of another form, a repeated key, a title other than
 * Success, …) makes it answer `null`, and the caller hands the body to the reference parser, which
 * knows how to name the problem. So the scanner never decides an error, and never accepts what the
 * reference parser would refuse (a property test holds the two together).
 */
export function scanContactList(
  bytes: Uint8Array,
  toInstant: WallClockConverter,
): ScannedList | null {
  const start =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!isUtf8(bytes)) return null;
  try {
    return new Scanner(bytes, start, toInstant).document();
  } catch (error) {
    if (error === FALL_BACK) return null;
    throw error;
  }
}

/** Thrown inside the scanner to leave for the reference parser; never escapes `scanContactList`. */
const FALL_BACK = Symbol('fall back to the reference parser');
const MAX_INT64 = '9223372036854775807';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;
const NINE = 0x39;

const latin1 = new TextDecoder('latin1');

const OTHER_KEY = 0;
const STATUS_KEY = 1;
const DATA_KEY = 2;
const ID_KEY = 3;
const TIME_KEY = 4;
const DELETED_KEY = 5;
type KeyCode = 0 | 1 | 2 | 3 | 4 | 5;
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const ITEM_OPEN = ascii('{"ID":');
const ITEM_TIME = ascii(',"UpdateDateTime":"');
const ITEM_DELETED = ascii(',"Deleted":');
const TRUE_CLOSE = ascii('true}');
const FALSE_CLOSE = ascii('false}');
const KNOWN_KEYS: ReadonlyArray<readonly [KeyCode, Uint8Array]> = [
  [ID_KEY, ascii('ID')],
  [TIME_KEY, ascii('UpdateDateTime')],
  [DELETED_KEY, ascii('Deleted')],
  [STATUS_KEY, ascii('Status')],
  [DATA_KEY, ascii('Data')],
];

class Scanner {
  private pos: number;
  private readonly bytes: Uint8Array;
  /** The numeric value of the ID just read, NaN past 15 digits: saves parsing it again. */
  private lastIdValue = Number.NaN;
  /** The numeric IDs in reading order, for the duplicate check. */
  private readonly numericIds: number[] = [];
  private readonly toInstant: WallClockConverter;

  constructor(bytes: Uint8Array, start: number, toInstant: WallClockConverter) {
    this.bytes = bytes;
    this.pos = start;
    this.toInstant = toInstant;
  }

  document(): ScannedList {
    this.expect(OPEN_BRACE);
    let success: boolean | null = null;
    let scanned: { records: ContactUpdate[]; duplicates: number } | null = null;
    if (this.peek() !== CLOSE_BRACE) {
      for (;;) {
        const key = this.key();
        if (key === STATUS_KEY) {
          if (success !== null) throw FALL_BACK;
          success = this.plainString() === 'Success';
        } else if (key === DATA_KEY) {
          if (scanned !== null) throw FALL_BACK;
          scanned = this.items();
        } else {
          this.skipValue(0);
        }
        if (!this.separator(CLOSE_BRACE)) break;
      }
    } else {
      this.pos++;
    }
    this.whitespace();
    if (this.pos !== this.bytes.length || success !== true || scanned === null) throw FALL_BACK;
    return { ok: true, ...scanned };
  }

  private items(): { records: ContactUpdate[]; duplicates: number } {
    this.expect(OPEN_BRACKET);
    const records: ContactUpdate[] = [];
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return { records, duplicates: 0 };
    }
    for (;;) {
      records.push(this.canonicalItem() ?? this.item());
      if (this.lastIdValue === this.lastIdValue) this.numericIds.push(this.lastIdValue);
      if (!this.separator(CLOSE_BRACKET)) break;
    }
    return mergeDuplicates(records, this.numericIds);
  }

  /**
   * The item exactly as the server writes it — `{"ID":n,"UpdateDateTime":"…","Deleted":b}`, no
   * spaces — matched as a byte template, which is most of the speed of the scan. Anything else
   * (spaces, another key order, extra keys) returns null and the general `item` reads it.
   */
  private canonicalItem(): ContactUpdate | null {
    const begin = this.pos;
    if (!this.matches(ITEM_OPEN)) return null;
    const id = this.id();
    if (!this.matches(ITEM_TIME)) return this.restart(begin);
    this.pos--; // dateTime reads the opening quote itself
    const updatedAtMs = this.dateTime();
    if (!this.matches(ITEM_DELETED)) return this.restart(begin);
    let deleted: boolean;
    if (this.matches(TRUE_CLOSE)) deleted = true;
    else if (this.matches(FALSE_CLOSE)) deleted = false;
    else return this.restart(begin);
    return { id, updatedAtMs, deleted };
  }

  private restart(begin: number): null {
    this.pos = begin;
    return null;
  }

  /** Whether the bytes at the current position are `pattern`; if so, moves past them. */
  private matches(pattern: Uint8Array): boolean {
    const { bytes, pos } = this;
    for (let i = 0; i < pattern.length; i++) if (bytes[pos + i] !== pattern[i]) return false;
    this.pos = pos + pattern.length;
    return true;
  }

  private item(): ContactUpdate {
    this.expect(OPEN_BRACE);
    let id: string | null = null;
    let updatedAtMs: number | null = null;
    let deleted: boolean | null = null;
    if (this.peek() === CLOSE_BRACE) throw FALL_BACK;
    for (;;) {
      const key = this.key();
      if (key === ID_KEY) {
        if (id !== null) throw FALL_BACK;
        id = this.id();
      } else if (key === TIME_KEY) {
        if (updatedAtMs !== null) throw FALL_BACK;
        updatedAtMs = this.dateTime();
      } else if (key === DELETED_KEY) {
        if (deleted !== null) throw FALL_BACK;
        deleted = this.boolean();
      } else {
        this.skipValue(0);
      }
      if (!this.separator(CLOSE_BRACE)) break;
    }
    if (id === null || updatedAtMs === null || deleted === null) throw FALL_BACK;
    return { id, updatedAtMs, deleted };
  }

  /** A non-negative integer of at most 19 digits, no larger than 2^63 − 1, as canonical text. */
  private id(): string {
    this.whitespace();
    const { bytes } = this;
    const begin = this.pos;
    let value = 0;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos] ?? 0;
      if (byte < ZERO || byte > NINE) break;
      value = value * 10 + (byte - ZERO);
      this.pos++;
    }
    const digits = this.pos - begin;
    if (digits === 0 || digits > 19) throw FALL_BACK;
    if (digits > 1 && bytes[begin] === ZERO) throw FALL_BACK;
    const next = bytes[this.pos];
    if (next === 0x2e || next === 0x65 || next === 0x45) throw FALL_BACK;
    if (digits <= 15) {
      this.lastIdValue = value;
      return String(value);
    }
    this.lastIdValue = Number.NaN;
    const text = latin1.decode(bytes.subarray(begin, this.pos));
    if (digits === 19 && text > MAX_INT64) throw FALL_BACK;
    return text;
  }

  /** `"yyyy-MM-ddTHH:mm:ss[.f{1,7}]"` read from the bytes, as an instant. */
  private dateTime(): number {
    this.whitespace();
    const { bytes } = this;
    const p = this.pos;
    if (bytes[p] !== QUOTE) throw FALL_BACK;
    if (bytes[p + 5] !== 0x2d || bytes[p + 8] !== 0x2d || bytes[p + 11] !== 0x54) throw FALL_BACK;
    if (bytes[p + 14] !== COLON || bytes[p + 17] !== COLON) throw FALL_BACK;
    const year = this.twoDigits(p + 1) * 100 + this.twoDigits(p + 3);
    const month = this.twoDigits(p + 6);
    const day = this.twoDigits(p + 9);
    const hour = this.twoDigits(p + 12);
    const minute = this.twoDigits(p + 15);
    const second = this.twoDigits(p + 18);
    let end = p + 20;
    let millis = 0;
    if (bytes[end] === 0x2e) {
      let fractionDigits = 0;
      end++;
      for (;;) {
        const byte = bytes[end] ?? 0;
        if (byte < ZERO || byte > NINE) break;
        if (fractionDigits < 3) millis = millis * 10 + (byte - ZERO);
        fractionDigits++;
        end++;
      }
      if (fractionDigits === 0 || fractionDigits > 7) throw FALL_BACK;
      if (fractionDigits === 1) millis *= 100;
      else if (fractionDigits === 2) millis *= 10;
    }
    if (bytes[end] !== QUOTE) throw FALL_BACK;
    const wall = wallTimeAsUtcMs(year, month, day, hour, minute, second, millis);
    if (wall === null) throw FALL_BACK;
    this.pos = end + 1;
    return this.toInstant(wall);
  }

  /** Two ASCII digits at `at` as a number; anything else leaves for the reference parser. */
  private twoDigits(at: number): number {
    const tens = (this.bytes[at] ?? 0) - ZERO;
    const ones = (this.bytes[at + 1] ?? 0) - ZERO;
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9) throw FALL_BACK;
    return tens * 10 + ones;
  }

  private boolean(): boolean {
    this.whitespace();
    if (this.literal('true')) return true;
    if (this.literal('false')) return false;
    throw FALL_BACK;
  }

  /**
   * An object key, recognised by its bytes without making a string of it (a million items have
   * three million keys).
   */
  private key(): KeyCode {
    this.expect(QUOTE);
    const { bytes } = this;
    const begin = this.pos;
    for (;;) {
      const byte = bytes[this.pos];
      if (byte === QUOTE) break;
      // An escaped key could spell one of ours (JSON.parse would decode it): the reference decides.
      if (byte === undefined || byte === BACKSLASH || byte < 0x20) throw FALL_BACK;
      this.pos++;
    }
    const length = this.pos - begin;
    this.pos++;
    this.expect(COLON);
    for (const [code, name] of KNOWN_KEYS) {
      if (name.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = this.bytes[begin + i] === name[i];
      if (same) return code;
    }
    return OTHER_KEY;
  }

  /** A string without escapes, as text; an escape or a control character leaves for the reference. */
  private plainString(): string {
    this.expect(QUOTE);
    const { bytes } = this;
    const begin = this.pos;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos] ?? 0;
      if (byte === QUOTE) break;
      if (byte === BACKSLASH || byte < 0x20) throw FALL_BACK;
      this.pos++;
    }
    if (this.pos >= bytes.length) throw FALL_BACK;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + begin, this.pos - begin).toString(
      'utf8',
    );
    this.pos++;
    return text;
  }

  /** Skips any JSON value strictly (fields this app does not use), refusing what JSON refuses. */
  private skipValue(depth: number): void {
    if (depth > 64) throw FALL_BACK;
    this.whitespace();
    const byte = this.bytes[this.pos];
    if (byte === QUOTE) return this.skipString();
    if (byte === OPEN_BRACE) return this.skipContainer(CLOSE_BRACE, depth, true);
    if (byte === OPEN_BRACKET) return this.skipContainer(CLOSE_BRACKET, depth, false);
    if (this.literal('true') || this.literal('false') || this.literal('null')) return;
    this.skipNumber();
  }

  private skipContainer(close: number, depth: number, isObject: boolean): void {
    this.pos++;
    if (this.peek() === close) {
      this.pos++;
      return;
    }
    for (;;) {
      if (isObject) {
        this.skipString();
        this.expect(COLON);
      }
      this.skipValue(depth + 1);
      if (!this.separator(close)) return;
    }
  }

  private skipString(): void {
    this.expect(QUOTE);
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos] ?? 0;
      if (byte === QUOTE) {
        this.pos++;
        return;
      }
      if (byte < 0x20) throw FALL_BACK;
      if (byte === BACKSLASH) {
        const escaped = bytes[this.pos + 1] ?? 0;
        if (escaped === 0x75) {
          for (let i = 2; i < 6; i++) if (!isHex(bytes[this.pos + i] ?? 0)) throw FALL_BACK;
          this.pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(escaped))) throw FALL_BACK;
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    throw FALL_BACK;
  }

  /** -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  private skipNumber(): void {
    const { bytes } = this;
    if (bytes[this.pos] === 0x2d) this.pos++;
    if (bytes[this.pos] === ZERO) this.pos++;
    else if (!this.digits()) throw FALL_BACK;
    if (bytes[this.pos] === 0x2e) {
      this.pos++;
      if (!this.digits()) throw FALL_BACK;
    }
    if (bytes[this.pos] === 0x65 || bytes[this.pos] === 0x45) {
      this.pos++;
      if (bytes[this.pos] === 0x2b || bytes[this.pos] === 0x2d) this.pos++;
      if (!this.digits()) throw FALL_BACK;
    }
  }

  private digits(): boolean {
    const begin = this.pos;
    while ((this.bytes[this.pos] ?? 0) >= ZERO && (this.bytes[this.pos] ?? 0) <= NINE) this.pos++;
    return this.pos > begin;
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    }
    this.pos += word.length;
    return true;
  }

  /** After a member or element: a comma (true, more follow) or the closing byte (false). */
  private separator(close: number): boolean {
    this.whitespace();
    const byte = this.bytes[this.pos];
    this.pos++;
    if (byte === COMMA) return true;
    if (byte === close) return false;
    throw FALL_BACK;
  }

  private expect(byte: number): void {
    this.whitespace();
    if (this.bytes[this.pos] !== byte) throw FALL_BACK;
    this.pos++;
  }

  private peek(): number | undefined {
    this.whitespace();
    return this.bytes[this.pos];
  }

  private whitespace(): void {
    const { bytes } = this;
    for (;;) {
      const byte = bytes[this.pos];
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return;
      this.pos++;
    }
  }
}

function isHex(byte: number): boolean {
  return (
    (byte >= ZERO && byte <= NINE) ||
    (byte >= 0x41 && byte <= 0x46) ||
    (byte >= 0x61 && byte <= 0x66)
  );
}
