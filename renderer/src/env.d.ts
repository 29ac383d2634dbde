/// <reference types="vite/client" />

/**
 * What `main/preload/index.ts` puts on `window.amoot`, as it is: every call answers with a plain
 * envelope (contextBridge would drop an error's fields). Its type comes from the IPC contract in
 * common/, so the page and the preload cannot disagree about it. Pages use `lib/api.ts`, which
 * turns the envelopes into values and typed errors, rather than `window.amoot` itself.
 */
type PreloadBridge = import('../../common/ipc/bridge.ts').PreloadBridge;

interface Window {
  readonly amoot: PreloadBridge;
}
