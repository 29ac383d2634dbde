/**
 * Time as the core sees it. `monotonicMs` never jumps when the user or NTP changes the wall clock,
 * so intervals measured with it neither flood nor starve; `nowMs` is wall time for what users read.
 */
export interface Clock {
  nowMs(): number;
  monotonicMs(): number;
}

export type TimerHandle = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
