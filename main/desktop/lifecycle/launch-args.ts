/**
 * What a launch asks for on its command line. Two switches only: `--sync-now` (a shortcut or a
 * scheduled task wants a sync, e.g. `"Amoot Contact Sync.exe" --sync-now`) and `--hidden` (start
 * in the tray without opening the window; the Windows login item passes it). Everything else on
 * the line (Chromium's own switches, the app path in development) is ignored.
 */
export const SYNC_NOW_SWITCH = '--sync-now';
export const HIDDEN_SWITCH = '--hidden';

export interface LaunchArgs {
  readonly syncNow: boolean;
  readonly hidden: boolean;
}

/** The switches in `argv` (e.g. `process.argv`); matched exactly, as the OS passes them. */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  return { syncNow: argv.includes(SYNC_NOW_SWITCH), hidden: argv.includes(HIDDEN_SWITCH) };
}

/**
 * The same switches read back from the `additionalData` a second instance sends (it is JSON
 * from another process, so it is checked like any input), or null when it carries none.
 */
export function launchArgsFromData(data: unknown): LaunchArgs | null {
  if (typeof data !== 'object' || data === null) return null;
  const { syncNow, hidden } = data as Record<string, unknown>;
  if (typeof syncNow !== 'boolean' || typeof hidden !== 'boolean') return null;
  return { syncNow, hidden };
}
