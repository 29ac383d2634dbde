/**
 * "Pause until tomorrow 08:00" names a time on the user's own calendar, which only the machine's
 * time zone (with its daylight-saving rules) can turn into an instant. Behind an interface so tests
 * can pin the zone instead of depending on the machine running them.
 */
export interface LocalTime {
  /** The instant of `hour:minute` local time on the calendar day after the one `nowMs` falls on. */
  tomorrowAt(nowMs: number, hour: number, minute: number): number;
}

/**
 * Uses `Date`'s local-time fields, so month and year ends roll over and daylight-saving days come
 * out 23 or 25 hours long. A time skipped by a spring-forward lands just after the gap, as `Date`
 * does.
 */
export const systemLocalTime: LocalTime = {
  tomorrowAt(nowMs, hour, minute) {
    const now = new Date(nowMs);
    return new Date(
      now.getFullYear(),
      now.getMonth(),
      now.getDate() + 1,
      hour,
      minute,
      0,
      0,
    ).getTime();
  },
};

export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** Reads `HH:MM` (24-hour, two digits each); null for anything else, so callers can refuse it. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}
