import type { PauseRequest } from '../../../common/ipc/app-state.ts';
import type { LocalTime } from './local-time.ts';
import { parseTimeOfDay } from './local-time.ts';

/**
 * A pause, held against both clocks. It ends at whichever comes first: its length on the monotonic
 * clock, or its end on the wall clock. The monotonic bound keeps a clock set back by days from
 * stretching a one-hour pause; the wall bound ends it after a sleep, during which the monotonic
 * clock stands still on some systems (a lid closed at 18:00 should not postpone "until 08:00").
 */
export interface PauseWindow {
  readonly untilResumed: boolean;
  readonly untilWallMs: number | null;
  readonly untilMonoMs: number | null;
}

/** Turns a request into a window starting now; throws RangeError on a value the UI should refuse. */
export function openPause(
  request: PauseRequest,
  nowWallMs: number,
  nowMonoMs: number,
  localTime: LocalTime,
): PauseWindow {
  if ('untilResumed' in request) {
    return { untilResumed: true, untilWallMs: null, untilMonoMs: null };
  }
  let lengthMs: number;
  if ('for' in request) {
    if (!Number.isFinite(request.for) || request.for <= 0) {
      throw new RangeError(`pause length must be a positive number of ms, got ${request.for}`);
    }
    lengthMs = request.for;
  } else {
    const time = parseTimeOfDay(request.untilTomorrowAt);
    if (time === null) {
      throw new RangeError(
        `pause end must be HH:MM, got ${JSON.stringify(request.untilTomorrowAt)}`,
      );
    }
    lengthMs = localTime.tomorrowAt(nowWallMs, time.hour, time.minute) - nowWallMs;
  }
  return {
    untilResumed: false,
    untilWallMs: nowWallMs + lengthMs,
    untilMonoMs: nowMonoMs + lengthMs,
  };
}

export function pauseIsOver(pause: PauseWindow, nowMonoMs: number, nowWallMs: number): boolean {
  if (pause.untilResumed || pause.untilMonoMs === null || pause.untilWallMs === null) return false;
  return nowMonoMs >= pause.untilMonoMs || nowWallMs >= pause.untilWallMs;
}
