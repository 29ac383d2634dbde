import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isDeleted,
  isMissing,
  packState,
  stateFlags,
  stateTime,
} from '../../../../main/core/sync/diff.ts';
import { MAX_ABS_TIME_MS } from '../../../../main/adapters/sqlite/mirror-input.ts';

describe('contact state packing', () => {
  it('gives back the time and both flags for every time the mirror accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_ABS_TIME_MS, max: MAX_ABS_TIME_MS }),
        fc.boolean(),
        fc.boolean(),
        (time, deleted, missing) => {
          const state = packState(time, deleted, missing);
          expect(Number.isSafeInteger(state)).toBe(true);
          const flags = stateFlags(state);
          expect([stateTime(state), isDeleted(flags), isMissing(flags)]).toEqual([
            time,
            deleted,
            missing,
          ]);
        },
      ),
    );
  });

  it('handles the edges exactly', () => {
    for (const time of [0, -1, 1, MAX_ABS_TIME_MS, -MAX_ABS_TIME_MS, -62_135_596_800_000]) {
      const state = packState(time, true, true);
      expect(stateTime(state)).toBe(time);
      expect(stateFlags(state)).toBe(3);
    }
  });
});
