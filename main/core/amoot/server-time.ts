/**
 * Converts the server's `UpdateDateTime` — wall-clock time in the server's zone, with no offset —
 * into an absolute instant, once, on arrival.
 *
 * The zone offset comes from `Intl` (no date library), cached per wall-clock hour: a million records
 * fall into a few thousand hours, and offsets change only on hour boundaries in the zones that
 * matter (Asia/Tehran has not changed at all since 2022).
 */
export type ServerTimeParser = (text: string) => number | null;

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

export function createServerTimeParser(timeZone: string): ServerTimeParser {
  const offsetOf = zoneOffsetReader(timeZone);
  const offsetByHour = new Map<string, number>();

  return (text) => {
    const match = WALL_TIME.exec(text);
    if (!match) return null;
    const [, y, mo, d, h, mi, s, fraction] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0;

    const wallAsUtc = utcMillis(year, month, day, hour, minute, second, millis);
    const hourKey = text.slice(0, 13);
    let offset = offsetByHour.get(hourKey);
    if (offset === undefined) {
      offset = offsetForWallTime(wallAsUtc, offsetOf);
      offsetByHour.set(hourKey, offset);
    }
    return wallAsUtc - offset;
  };
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
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
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
    const wall = utcMillis(
      parts['era'] === 'BC' ? 1 - year : year,
      Number(parts['month']),
      Number(parts['day']),
      Number(parts['hour']),
      Number(parts['minute']),
      Number(parts['second']),
      0,
    );
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    return wall - wholeSecond;
  };
}
