/**
 * Formats instants the way the AmootSMS server does: Iran Standard Time wall clock (UTC+03:30, no
 * daylight saving since 2022), no offset, and a .NET-style fraction whose trailing zeros are trimmed,
 * so anything from 0 to 7 fraction digits can appear.
 */

export const TEHRAN_OFFSET_SECONDS = 3.5 * 3600;
/** .NET DateTime resolution: 100 ns ticks. */
export const TICKS_PER_SECOND = 10_000_000;

/** An instant split into whole UTC epoch seconds and 100 ns ticks, so 7-digit fractions stay exact. */
export interface Stamp {
  seconds: number;
  ticks: number;
}

export function stampFromEpochMs(ms: number): Stamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds, ticks: Math.round((ms - seconds * 1000) * 10_000) };
}

export function epochMsFromStamp(stamp: Stamp): number {
  return stamp.seconds * 1000 + Math.floor(stamp.ticks / 10_000);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** `yyyy-MM-ddTHH:mm:ss[.f…]` in Tehran wall time. */
export function formatTehran(seconds: number, ticks: number): string {
  const wall = new Date((seconds + TEHRAN_OFFSET_SECONDS) * 1000);
  const base =
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}` +
    `T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
  if (ticks === 0) return base;
  return `${base}.${pad(ticks, 7).replace(/0+$/, '')}`;
}
