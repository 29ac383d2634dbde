/// <reference types="vite/client" />

/**
 * What `main/preload/index.ts` puts on `window.amoot`: its type comes from the IPC contract in
 * common/, so the page and the preload cannot disagree about it. Pages use `lib/api.ts`, which
 * wraps this object, rather than `window.amoot` itself.
 */
type AmootBridge = import('../../common/ipc/bridge.ts').AmootBridge;

interface Window {
  readonly amoot: AmootBridge;
}
