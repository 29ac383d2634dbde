/**
 * The page's side of the e2e bridge, bundled into one classic script and injected before the
 * page's own (`bridge-script.ts`). It builds `window.amoot` with the preload's own factory
 * (`createAmootApi`), so the page meets the very API the app exposes; only the transport differs:
 * calls go as same-origin `fetch` to `/__ipc/<channel>`, events arrive over `/__events` (SSE),
 * both allowed by the app's `connect-src 'self'`.
 */
import { createAmootApi, type IpcTransport } from '../../../main/preload/api-factory.ts';

/** Set by the line the harness puts before this bundle. */
export const CONFIG_GLOBAL = '__AMOOT_E2E_CONFIG__';

interface BridgeConfig {
  /** The harness server's origin; any other document (about:blank) gets no bridge. */
  readonly origin: string;
  readonly version: string | null;
  readonly platform: string;
}

// The tests compile without the DOM library, so the few browser globals used are typed here.
interface ResponseLike {
  readonly ok: boolean;
  json(): Promise<unknown>;
}
interface EventSourceLike {
  addEventListener(type: string, listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: string, listener: (event: { readonly data: unknown }) => void): void;
}
interface PageGlobals {
  readonly location: { readonly origin: string };
  fetch(url: string, init: object): Promise<ResponseLike>;
  readonly EventSource: new (url: string) => EventSourceLike;
}

const page = globalThis as unknown as PageGlobals & Record<string, unknown>;
const config = page[CONFIG_GLOBAL] as BridgeConfig | undefined;

if (config !== undefined && page.location.origin === config.origin) {
  // One stream for the page's lifetime, opened before the page's code runs, as the preload's
  // ipcRenderer is there before the page.
  const events = new page.EventSource('/__events');
  const transport: IpcTransport = {
    async invoke(channel, args) {
      // The preload sends exactly one argument; JSON has no `undefined`, so "none" is [].
      const response = await page.fetch(`/__ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args === undefined ? [] : [args]),
      });
      if (!response.ok) throw new Error(`the harness answered ${channel} with an HTTP error`);
      return response.json();
    },
    subscribe(channel, listener) {
      const forward = (event: { readonly data: unknown }): void =>
        listener(JSON.parse(String(event.data)));
      events.addEventListener(channel, forward);
      return () => events.removeEventListener(channel, forward);
    },
  };
  Object.defineProperty(page, 'amoot', {
    value: Object.freeze({
      ...createAmootApi(transport),
      version: config.version,
      platform: config.platform,
    }),
    enumerable: true,
  });
}
