/**
 * Which calls count as coming from the app itself: the top frame of the app's one window, showing
 * the app's own page. A page the window was tricked into showing, an iframe, or any other
 * webContents (a devtools extension, a future second window) is refused.
 */
import { pathToFileURL } from 'node:url';
import type { RendererSource } from '../window.ts';
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
 * Matches the page the window was told to load: in development any URL of the dev server's origin
 * (hot reload moves between its URLs); when built, exactly the bundled `index.html`, whatever its
 * query or fragment. File URLs all share the opaque origin `null`, so for them the path is what
 * identifies the page, compared case-insensitively on Windows, whose file system is.
 */
export function appPageMatcher(
  renderer: RendererSource,
  platform: NodeJS.Platform = process.platform,
): (url: string) => boolean {
  if (renderer.kind === 'url') {
    const origin = URL.parse(renderer.url)?.origin;
    if (origin === undefined || origin === 'null') return () => false;
    return (url) => URL.parse(url)?.origin === origin;
  }
  const fold = (text: string): string => (platform === 'win32' ? text.toLowerCase() : text);
  const page = pathToFileURL(renderer.path);
  const expected = fold(`${page.host}${page.pathname}`);
  return (url) => {
    const candidate = URL.parse(url);
    if (candidate === null || candidate.protocol !== 'file:') return false;
    return fold(`${candidate.host}${candidate.pathname}`) === expected;
  };
}
