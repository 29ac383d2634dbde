import type { SyncTrigger } from '../../../../common/sync-types.ts';
import type { LocalTime } from '../../../../main/core/scheduler/local-time.ts';
import type { SyncResult, SyncScheduler } from '../../../../main/core/scheduler/scheduler-types.ts';
import { createSyncScheduler } from '../../../../main/core/scheduler/sync-scheduler.ts';
import type { FakeTime } from './fake-time.ts';
import { createFakeTime, settle } from './fake-time.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const SETTLE_MS = 2_000;
export const OK: SyncResult = { ok: true };

export function failure(
  errorKind: Exclude<SyncResult, { ok: true }>['errorKind'],
  retryAfterMs?: number,
): SyncResult {
  return retryAfterMs === undefined
    ? { ok: false, errorKind }
    : { ok: false, errorKind, retryAfterMs };
}

/** Deterministic uniform draws in [0, 1) (mulberry32), so jitter tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RunRecord {
  readonly trigger: SyncTrigger;
  readonly atMono: number;
  readonly atWall: number;
}

export interface Harness {
  readonly time: FakeTime;
  readonly scheduler: SyncScheduler;
  /** Every run the scheduler started, in order. */
  readonly runs: RunRecord[];
  /** Results for the next runs, first in first out; a run with none left succeeds. */
  readonly outcomes: SyncResult[];
  /** Settable: what isOnline() answers. */
  online: boolean;
  /** Settable: the interval setting in minutes. */
  intervalMinutes: number;
  /** When true, runs wait for `finishRun` instead of ending at once. */
  holdRuns: boolean;
  /** Ends the oldest held run with `result`, and lets promises settle. */
  finishRun(result?: SyncResult): Promise<void>;
  /** What the scheduler reported through onError. */
  readonly errors: unknown[];
  triggers(): SyncTrigger[];
}

export interface HarnessOptions {
  readonly intervalMinutes?: number;
  readonly seed?: number;
  readonly random?: () => number;
  readonly online?: boolean;
  readonly localTime?: LocalTime;
  readonly startWallMs?: number;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const time = createFakeTime(options.startWallMs);
  const runs: RunRecord[] = [];
  const outcomes: SyncResult[] = [];
  const held: Array<(result: SyncResult) => void> = [];
  const errors: unknown[] = [];
  const knobs = {
    online: options.online ?? true,
    intervalMinutes: options.intervalMinutes ?? 15,
    holdRuns: false,
  };
  const scheduler = createSyncScheduler({
    clock: time.clock,
    timers: time.timers,
    random: options.random ?? seededRandom(options.seed ?? 1),
    intervalMinutes: () => knobs.intervalMinutes,
    isOnline: () => knobs.online,
    settleMs: SETTLE_MS,
    onError: (error) => errors.push(error),
    ...(options.localTime === undefined ? {} : { localTime: options.localTime }),
    runSync(trigger) {
      runs.push({ trigger, atMono: time.clock.monotonicMs(), atWall: time.clock.nowMs() });
      if (knobs.holdRuns) return new Promise((resolve) => held.push(resolve));
      return Promise.resolve(outcomes.shift() ?? OK);
    },
  });
  return Object.assign(knobs, {
    time,
    scheduler,
    runs,
    outcomes,
    errors,
    async finishRun(result: SyncResult = OK) {
      const next = held.shift();
      if (next === undefined) throw new Error('no run is waiting to finish');
      next(result);
      await settle();
    },
    triggers: () => runs.map((run) => run.trigger),
  });
}

/** Starts the scheduler and lets the startup run (and its settling) happen. */
export async function started(options: HarnessOptions = {}): Promise<Harness> {
  const harness = createHarness(options);
  harness.scheduler.start();
  await harness.time.advance(0);
  return harness;
}
