/**
 * Converts the server's `UpdateDateTime` — wall-clock time in the server's zone, with no offset —
 * into an absolute instant, once, on arrival.
 *
 * The zone offset comes from `Intl` (no date library), cached per wall-clock hour: a million records
 * fall into a few thousand hours, and offsets change only on hour boundaries in the zones that
 * matter (Asia/Tehran has not changed at all since 2022).
 */
export type ServerTimeParser = (text: string) => number | null;
/** Wall-clock time written as if it were UTC (ms) → the real instant (epoch ms). */
export type WallClockConverter = (wallAsUtcMs: number) => number;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function createServerTimeParser(timeZone: string): ServerTimeParser {
  const toInstant = createWallClockConverter(timeZone);
  return (text) => {
    const match = WALL_TIME.exec(text);
    if (!match) return null;
    const [, y, mo, d, h, mi, s, fraction] = match;
    const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;
    const wall = wallTimeAsUtcMs(
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
      millis,
    );
    return wall === null ? null : toInstant(wall);
  };
}

/** The zone's wall clock to instants, with the offset cached per wall-clock hour. */
export function createWallClockConverter(timeZone: string): WallClockConverter {
  const offsetOf = zoneOffsetReader(timeZone);
  const offsetByHour = new Map<number, number>();
  return (wallAsUtc) => {
    const hour = Math.floor(wallAsUtc / HOUR_MS);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      offset = offsetForWallTime(wallAsUtc, offsetOf);
      offsetByHour.set(hour, offset);
    }
    return wallAsUtc - offset;
  };
}

/**
 * The wall-clock fields as milliseconds since 1970 read as UTC, or null for an impossible date or
 * time (30 February, 24:00, 13:60). Plain arithmetic (days-from-civil), so it needs no Date object
 * and works for years 1 to 9999 alike.
 */
export function wallTimeAsUtcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    hour * HOUR_MS +
    minute * 60_000 +
    second * 1000 +
    millis
  );
}

/** Throws a RangeError for a zone name `Intl` does not know, so a bad setting fails loudly. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The offset that maps this wall time to UTC. Two rounds settle it for any zone: the offset at the
 * first guess can differ from the offset at the true instant only near a transition.
 */
function offsetForWallTime(wallAsUtc: number, offsetOf: (instant: number) => number): number {
  const first = offsetOf(wallAsUtc);
  const second = offsetOf(wallAsUtc - first);
  return first === second ? first : offsetOf(wallAsUtc - second);
}

/** Offset (wall time minus UTC, in ms) of the zone at an instant, read through Intl. */
function zoneOffsetReader(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instant) => {
    const parts: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
    const year = Number(parts['year']);
    const fullYear = parts['era'] === 'BC' ? 1 - year : year;
    const wall =
      daysFromCivil(fullYear, Number(parts['month']), Number(parts['day'])) * DAY_MS +
      Number(parts['hour']) * HOUR_MS +
      Number(parts['minute']) * 60_000 +
      Number(parts['second']) * 1000;
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    return wall - wholeSecond;
  };
}
