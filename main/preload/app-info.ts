/**
 * What the renderer may know about the app without asking main over IPC. The sandboxed preload
 * cannot read package.json or call `app.getVersion()`, so main hands the version over as a
 * command-line switch of the renderer process (`webPreferences.additionalArguments`).
 */
export interface AppInfo {
  /** The app's version from package.json, or null when main did not pass it. */
  readonly version: string | null;
  /** Node's platform name, so the UI can word things the way each OS does. */
  readonly platform: string;
}

const VERSION_SWITCH = '--amoot-app-version=';

/** The switch main adds to the renderer's command line; see {@link readAppInfo}. */
export function appVersionArgument(version: string): string {
  return `${VERSION_SWITCH}${version}`;
}

/**
 * Reads the version switch back out of the renderer's `process.argv`. The last occurrence wins so
 * a switch Chromium copied from the browser's own command line cannot shadow the one main added.
 */
export function readAppInfo(argv: readonly string[], platform: string): AppInfo {
  let version: string | null = null;
  for (const arg of argv) {
    if (arg.startsWith(VERSION_SWITCH)) {
      const value = arg.slice(VERSION_SWITCH.length);
      version = value === '' ? null : value;
    }
  }
  return { version, platform };
}
