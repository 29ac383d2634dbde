import type { Timers } from '../ports/clock.ts';
import type { ErrorKind } from '../../../common/amoot-types.ts';

export interface RetryPolicy {
  /** Attempts in one run, the first included. */
  readonly attempts: number;
  /** Wait before the second attempt; doubles for each further one. */
  readonly baseDelayMs: number;
  /** A server that asks for a longer pause than this is left to the scheduler's next run. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
};

/**
 * Failures worth another try within the same run: the network, a time-out, a busy or failing
 * server, a rate limit, an unknown status. Never auth, input or account problems: repeating those
 * cannot help and only hammers the server with a bad token.
 */
const RETRYABLE: ReadonlySet<ErrorKind> = new Set([
  'network',
  'timeout',
  'server',
  'rate-limit',
  'unknown',
]);

export function isRetryable(kind: ErrorKind): boolean {
  return RETRYABLE.has(kind);
}

/**
 * The wait before attempt `nextAttempt` (2, 3, …): exponential with "equal jitter" (half fixed,
 * half random), so clients that failed together do not retry together; never shorter than what
 * the server asked for. Returns null when the wait would exceed the policy's limit.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  nextAttempt: number,
  random: () => number,
  retryAfterMs?: number,
): number | null {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, nextAttempt - 2);
  const jittered = exponential / 2 + (exponential / 2) * random();
  const delay = Math.max(Math.round(jittered), retryAfterMs ?? 0);
  return delay > policy.maxDelayMs ? null : delay;
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function sleep(timers: Timers, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      timers.clearTimeout(handle);
      resolve(false);
    };
    const handle = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
