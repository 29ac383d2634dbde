/**
 * One copy of the app per user: two would sync the same account and write the same stores at
 * once. A second launch hands its switches to the copy already running and quits; the running
 * copy acts on them.
 */
import { launchArgsFromData, parseLaunchArgs, type LaunchArgs } from './launch-args.ts';

/** The part of Electron's `app` this needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string, data: unknown) => void,
  ): unknown;
}

/** What the running copy does when the app is started again. */
export interface SecondLaunchHandlers {
  /** `--sync-now`: sync at once (the window stays as it is). */
  readonly syncNow: () => void;
  /** A plain launch, e.g. a double click on the shortcut: bring the window up. */
  readonly show: () => void;
}

/**
 * Takes the single-instance lock, sending this launch's switches along as `additionalData`:
 * Electron warns that the `argv` it reports may be reordered, extended by Chromium, or empty
 * when another user started the copy, so argv is only a fallback. Returns false when another
 * copy holds the lock, in which case the caller must quit without opening anything.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  launch: LaunchArgs,
  handlers: SecondLaunchHandlers,
): boolean {
  if (!app.requestSingleInstanceLock({ syncNow: launch.syncNow, hidden: launch.hidden })) {
    return false;
  }
  app.on('second-instance', (_event, argv, _workingDirectory, data) => {
    routeSecondLaunch(launchArgsFromData(data) ?? parseLaunchArgs(argv), handlers);
  });
  return true;
}

/**
 * `--sync-now` syncs; `--hidden` does nothing, since it is the login item starting a copy that
 * already runs and popping the window up then would be a surprise; any other launch shows the
 * window.
 */
export function routeSecondLaunch(launch: LaunchArgs, handlers: SecondLaunchHandlers): void {
  if (launch.syncNow) handlers.syncNow();
  else if (!launch.hidden) handlers.show();
}
