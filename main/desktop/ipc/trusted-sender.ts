/**
 * Which calls count as coming from the app itself: the top frame of the app's one window, showing
 * the app's own page. A page the window was tricked into showing, an iframe, or any other
 * webContents (a devtools extension, a future second window) is refused.
 */
import { pathToFileURL } from 'node:url';
import { APP_PAGE_URL } from '../window/app-protocol.ts';
import type { RendererSource } from '../window/window.ts';
import type { SenderCheck } from './handle-call.ts';

export interface SenderCheckDeps {
  /** The main window's `webContents`; null while no window is open. */
  readonly mainContents: () => unknown;
  /** Whether a frame URL is the app's own page. */
  readonly isAppPage: (url: string) => boolean;
}

export function createSenderCheck(deps: SenderCheckDeps): SenderCheck {
  return (event) => {
    const contents = deps.mainContents();
    if (contents === null || contents === undefined || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return deps.isAppPage(frame.url);
  };
}

/**
 * Where a page the IPC check trusts was loaded from: what the window loads (`RendererSource`), or
 * a file on disk, the way tests stand in for a window without the `app://` protocol.
 */
export type TrustedPage = RendererSource | { readonly kind: 'file'; readonly path: string };

/**
 * Matches the page the window was told to load: in development any URL of the dev server's origin
 * (hot reload moves between its URLs); when built, exactly `app://bundle/index.html`, whatever its
 * query or fragment. Node's URL gives non-special schemes such as `app:` (and `file:`) the opaque
 * origin `null`, so for them scheme, host and path are compared instead. File paths are compared
 * case-insensitively on Windows, whose file system is.
 */
export function appPageMatcher(
  page: TrustedPage,
  platform: NodeJS.Platform = process.platform,
): (url: string) => boolean {
  if (page.kind === 'url') {
    const origin = URL.parse(page.url)?.origin;
    if (origin === undefined || origin === 'null') return () => false;
    return (url) => URL.parse(url)?.origin === origin;
  }
  if (page.kind === 'app') {
    const expected = new URL(APP_PAGE_URL);
    return (url) => {
      const candidate = URL.parse(url);
      return (
        candidate !== null &&
        candidate.protocol === expected.protocol &&
        candidate.username === '' &&
        candidate.password === '' &&
        candidate.host.toLowerCase() === expected.host &&
        candidate.pathname === expected.pathname
      );
    };
  }
  const fold = (text: string): string => (platform === 'win32' ? text.toLowerCase() : text);
  const file = pathToFileURL(page.path);
  const expected = fold(`${file.host}${file.pathname}`);
  return (url) => {
    const candidate = URL.parse(url);
    if (candidate === null || candidate.protocol !== 'file:') return false;
    return fold(`${candidate.host}${candidate.pathname}`) === expected;
  };
}
