import { describe, expect, it } from 'vitest';
import {
  launchArgsFromData,
  parseLaunchArgs,
} from '../../../main/desktop/lifecycle/launch-args.ts';

describe('parseLaunchArgs', () => {
  it('finds the switches among the rest of a real command line', () => {
    expect(
      parseLaunchArgs([
        'C:\\Program Files\\Amoot Contact Sync\\Amoot Contact Sync.exe',
        '--original-process-start-time=13370000000000000',
        '--sync-now',
      ]),
    ).toEqual({ syncNow: true, hidden: false });
    expect(parseLaunchArgs(['/Applications/Amoot.app/Contents/MacOS/Amoot', '--hidden'])).toEqual({
      syncNow: false,
      hidden: true,
    });
    expect(parseLaunchArgs(['app', '--hidden', '--sync-now'])).toEqual({
      syncNow: true,
      hidden: true,
    });
  });

  it('asks for nothing on a plain launch, and only matches the exact switches', () => {
    expect(parseLaunchArgs(['app'])).toEqual({ syncNow: false, hidden: false });
    expect(parseLaunchArgs(['app', '--sync-now=1', '--hidden-x', 'sync-now', '-hidden'])).toEqual({
      syncNow: false,
      hidden: false,
    });
  });
});

describe('launchArgsFromData', () => {
  it('reads what a second instance sent', () => {
    expect(launchArgsFromData({ syncNow: true, hidden: false })).toEqual({
      syncNow: true,
      hidden: false,
    });
  });

  it.each([null, undefined, 'x', 1, {}, { syncNow: 'yes', hidden: false }, { syncNow: true }])(
    'ignores %j, which no copy of this app sends',
    (data) => {
      expect(launchArgsFromData(data)).toBeNull();
    },
  );
});
