/**
 * "3 minutes ago" and "14:30" in the user's language, through `Intl` only (DESIGN.md "Data": no
 * date library). Persian comes out in Persian digits because the `fa-IR` locale writes them; the
 * tray tooltip, its menu and the window can all say "when" the same way.
 */
import type { Language } from '../i18n/format-message.ts';

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', fa: 'fa-IR' };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const relativeFormats = new Map<Language, Intl.RelativeTimeFormat>();

function relativeFormat(language: Language): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (format === undefined) {
    // `auto` says "yesterday" instead of "1 day ago", as people do.
    format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  return format;
}

/**
 * How long ago `thenMs` was at `nowMs`, rounded down to whole minutes, hours or days so the text
 * changes at most once a minute (the tray refreshes it on that beat). Anything under a minute, and
 * a time slightly in the future (a clock set back after the sync), reads as "this minute":
 * claiming a sync happened "in 2 minutes" would only confuse.
 */
export function formatTimeAgo(language: Language, thenMs: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - thenMs);
  const format = relativeFormat(language);
  if (elapsed < MINUTE_MS) return format.format(0, 'minute');
  if (elapsed < HOUR_MS) return format.format(-Math.floor(elapsed / MINUTE_MS), 'minute');
  if (elapsed < DAY_MS) return format.format(-Math.floor(elapsed / HOUR_MS), 'hour');
  return format.format(-Math.floor(elapsed / DAY_MS), 'day');
}

/**
 * The wall-clock time of `atMs` ("14:30", "۱۴:۳۰"), 24-hour as both audiences expect, with the
 * weekday in front when it is not on the same local day as `nowMs`, so "paused until 08:00" is not
 * mistaken for this morning. `timeZone` defaults to the machine's; tests pin it.
 */
export function formatClockTime(
  language: Language,
  atMs: number,
  nowMs: number,
  timeZone?: string,
): string {
  const zone = timeZone === undefined ? {} : { timeZone };
  const time = new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  if (sameLocalDay(atMs, nowMs, timeZone)) return time.format(atMs);
  const withDay = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  return withDay.format(atMs);
}

/** A `HH:MM` time of day as written in `language` ("08:00", "۰۸:۰۰"), without any date. */
export function formatTimeOfDay(language: Language, hour: number, minute: number): string {
  const twoDigits = new Intl.NumberFormat(LOCALES[language], {
    minimumIntegerDigits: 2,
    useGrouping: false,
  });
  return `${twoDigits.format(hour)}:${twoDigits.format(minute)}`;
}

/** Compares calendar days in one zone; the Gregorian ISO form is enough to tell days apart. */
function sameLocalDay(aMs: number, bMs: number, timeZone: string | undefined): boolean {
  const day = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  return day.format(aMs) === day.format(bMs);
}
