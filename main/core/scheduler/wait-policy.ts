import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../common/settings.ts';

const MINUTE_MS = 60_000;

/** The first retry after a failure; each further failure doubles it, up to the interval. */
export const FIRST_BACKOFF_MS = MINUTE_MS;

/** Share of the interval each wait may move either way, so many installs do not poll in step. */
export const JITTER_SPREAD = 0.1;

/**
 * A server asking for more than a day is more likely confused than serious; waiting longer would
 * look to the user like the app stopped syncing.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * MINUTE_MS;

/**
 * The sync interval in ms. Settings are validated where they are stored, but the scheduler must not
 * spin on a 0 or hang on NaN if a bad value ever slips through, so it clamps again.
 */
export function intervalMs(minutes: number): number {
  const { min, max } = SETTINGS_LIMITS.syncIntervalMinutes;
  const value = Number.isFinite(minutes) ? minutes : DEFAULT_SETTINGS.syncIntervalMinutes;
  return Math.min(max, Math.max(min, value)) * MINUTE_MS;
}

/** Maps a uniform draw in [0, 1) to a factor in [0.9, 1.1); out-of-range draws are clamped. */
export function jitterFactor(draw: number): number {
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0.5;
  return 1 - JITTER_SPREAD + 2 * JITTER_SPREAD * unit;
}

/**
 * The wait after `failures` consecutive failures: 1, 2, 4, 8… minutes, never longer than the
 * interval (the user chose how stale the mirror may get), but never shorter than the server's
 * Retry-After (hammering a rate limit only extends it). Not jittered: one client, one server, and a
 * predictable "retrying in 4 min" reads better.
 */
export function backoffMs(failures: number, interval: number, retryAfterMs: number): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 30);
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** doublings, interval);
  return Math.max(backoff, clampRetryAfter(retryAfterMs));
}

export function clampRetryAfter(retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return 0;
  return Math.min(Math.max(retryAfterMs, 0), MAX_RETRY_AFTER_MS);
}
