/// <reference types="vite/client" />

/**
 * What `main/preload/index.ts` puts on `window.amoot`. Declared here because the renderer may not
 * import from main/; the shape moves to the IPC contract in common/ when that lands.
 */
interface AmootBridge {
  /** The app's version, or null when main did not pass it to the preload. */
  readonly version: string | null;
  /** Node's platform name: 'win32', 'darwin', 'linux', … */
  readonly platform: string;
}

interface Window {
  readonly amoot: AmootBridge;
}
