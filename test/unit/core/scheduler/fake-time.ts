import type { Clock, TimerHandle, Timers } from '../../../../main/core/ports/clock.ts';

/**
 * A wall clock and a monotonic clock that tests move separately, and timers driven by the
 * monotonic one (as Node's are). Lets a test set the wall clock back by days, or sleep the machine
 * with or without the monotonic clock counting, which vi.useFakeTimers cannot express.
 */
export interface FakeTime {
  readonly clock: Clock;
  readonly timers: Timers;
  pendingTimers(): number;
  /** Both clocks move forward; timers due on the way fire in order, promises settling after each. */
  advance(ms: number): Promise<void>;
  /** As `advance`, without letting promises settle between timers (for fc.scheduler tests). */
  advanceSync(ms: number): void;
  /** Only the wall clock moves: the user or NTP set it. */
  jumpWall(ms: number): void;
  /**
   * The machine slept `wallMs`; the monotonic clock counted `monotonicMs` of it (0 on systems where
   * it stops in sleep). Timers that came due fire once, late, on waking.
   */
  sleep(wallMs: number, monotonicMs: number): Promise<void>;
}

interface FakeTimer {
  readonly id: number;
  readonly dueMono: number;
  readonly callback: () => void;
}

/** Lets every promise callback queued so far run (and those they queue in turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function createFakeTime(startWallMs = Date.UTC(2026, 10, 27, 6, 0)): FakeTime {
  let wall = startWallMs;
  let mono = 1_000_000;
  let nextId = 1;
  const pending = new Map<number, FakeTimer>();

  function nextDue(limitMono: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const timer of pending.values()) {
      if (timer.dueMono > limitMono) continue;
      if (best === undefined || timer.dueMono < best.dueMono) best = timer;
    }
    return best;
  }

  function fireOne(limitMono: number): boolean {
    const timer = nextDue(limitMono);
    if (timer === undefined) return false;
    if (timer.dueMono > mono) {
      wall += timer.dueMono - mono;
      mono = timer.dueMono;
    }
    pending.delete(timer.id);
    timer.callback();
    return true;
  }

  function moveTo(targetMono: number): void {
    if (targetMono > mono) {
      wall += targetMono - mono;
      mono = targetMono;
    }
  }

  const guard = (count: number): void => {
    if (count > 100_000) throw new Error('timers keep firing: a flood');
  };

  return {
    clock: { nowMs: () => wall, monotonicMs: () => mono },
    timers: {
      setTimeout(callback, ms): TimerHandle {
        const id = nextId++;
        pending.set(id, { id, dueMono: mono + Math.max(0, ms), callback });
        return id;
      },
      clearTimeout(handle) {
        pending.delete(handle as number);
      },
    },
    pendingTimers: () => pending.size,
    async advance(ms) {
      const target = mono + ms;
      await settle();
      for (let fired = 0; fireOne(target); fired++) {
        guard(fired);
        await settle();
      }
      moveTo(target);
      await settle();
    },
    advanceSync(ms) {
      const target = mono + ms;
      for (let fired = 0; fireOne(target); fired++) guard(fired);
      moveTo(target);
    },
    jumpWall(ms) {
      wall += ms;
    },
    async sleep(wallMs, monotonicMs) {
      wall += wallMs;
      mono += monotonicMs;
      for (let fired = 0; fireOne(mono); fired++) {
        guard(fired);
        await settle();
      }
      await settle();
    },
  };
}
