import { join } from 'node:path';
import { app, BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_PAGE_URL } from './app-protocol.ts';
import type { Logger } from '../logging/logging.ts';
import { appVersionArgument } from '../../preload/app-info.ts';

/**
 * Where the window's page comes from: the dev server while developing, otherwise the built
 * renderer in `folder`, which `main/desktop/window/app-protocol.ts` serves and the window loads as
 * `app://bundle/index.html`.
 */
export type RendererSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'app'; readonly folder: string };

/** The two files a window needs, resolved once so tests and `index.ts` can pass their own. */
export interface MainWindowSources {
  readonly preloadPath: string;
  readonly renderer: RendererSource;
}

/**
 * `electron-vite dev` serves the renderer with hot reload at `ELECTRON_RENDERER_URL`; otherwise the
 * built renderer sits next to this bundle (`out/main` → `out/renderer`). A packaged app ignores the
 * variable: anyone who can set an environment variable must not be able to point the window,
 * with its preload, at a page of their choosing.
 */
export function defaultWindowSources(
  env: NodeJS.ProcessEnv = process.env,
  mainDir: string = import.meta.dirname,
): MainWindowSources {
  const devUrl = app.isPackaged ? undefined : env['ELECTRON_RENDERER_URL'];
  return {
    preloadPath: join(mainDir, '../preload/index.cjs'),
    renderer:
      devUrl === undefined || devUrl === ''
        ? { kind: 'app', folder: join(mainDir, '../renderer') }
        : { kind: 'url', url: devUrl },
  };
}

export interface MainWindowOptions {
  /**
   * Where a link the page tried to follow out of the app goes instead: `openExternalSafely` from
   * `external-links.ts`, which decides whether the browser gets it. Without it such links do
   * nothing.
   */
  readonly openLink?: (url: string) => void;
  /** Where a refused download is reported; nowhere without it. */
  readonly log?: Pick<Logger, 'warn'>;
}

/** A window just created, and the load of its page, which fails when the page cannot be loaded. */
export interface OpenedWindow {
  readonly window: BrowserWindow;
  readonly loaded: Promise<void>;
}

/**
 * Opens the app's one window with every Electron safety switch on (DESIGN.md, "Security
 * defaults"). It stays hidden until the first paint so the user never sees a blank frame. The
 * window is returned at once, before its page loads, so a caller can keep a single reference to it
 * even while a second launch asks for it.
 */
export function createMainWindow(
  sources: MainWindowSources = defaultWindowSources(),
  options: MainWindowOptions = {},
): OpenedWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 680,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Amoot Contact Sync',
    webPreferences: {
      preload: sources.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // An installed app gives no one a console on the page that holds the preload's API.
      devTools: !app.isPackaged,
      // A middle click would otherwise open links in a new window behind the deny handler's back.
      disableBlinkFeatures: 'Auxclick',
      additionalArguments: [appVersionArgument(app.getVersion())],
    },
  });

  window.once('ready-to-show', () => window.show());
  lockDownContents(window.webContents, options.openLink ?? (() => undefined));
  denyPermissions(window.webContents.session);
  refuseDownloads(window.webContents.session, options.log);

  const loaded = window.loadURL(
    sources.renderer.kind === 'url' ? sources.renderer.url : APP_PAGE_URL,
  );
  return { window, loaded };
}

/** Brings an existing window to the front, e.g. when the user starts the app a second time. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * The app is a single page: any navigation away from it (a link, `location = …`, a server
 * redirect) would run foreign code next to the preload's API, so only a reload of the page itself
 * is let through, and redirects not at all (neither the bundle nor the dev server ever sends one).
 * New windows and `<webview>` are refused outright. A link the page tried to follow, in place or
 * in a new window, is handed to `openLink`, which may show it in the browser: never in a
 * BrowserWindow of ours.
 */
function lockDownContents(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isSameDocument(event.url, contents.getURL())) return;
    event.preventDefault();
    openLink(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Nothing in the app needs a camera, notifications from the page, geolocation or the like. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The app downloads nothing through its window (the CSV export is written by main), so a download
 * can only be a page that was made to start one: a file dropped into Downloads, or a save dialog
 * of its choosing. Every one is cancelled before it starts, and said in the log by its origin.
 */
function refuseDownloads(session: Session, log: Pick<Logger, 'warn'> | undefined): void {
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    log?.warn(`window: a download from ${downloadSource(item.getURL())} was refused`);
  });
}

/** Where a download came from, without its path or query: the origin, or the scheme (`blob:`). */
function downloadSource(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return 'an unreadable address';
  return (parsed.origin === 'null' ? parsed.protocol : parsed.origin).slice(0, 200);
}

/** True when `target` is the page already shown, ignoring the fragment. */
function isSameDocument(target: string, current: string): boolean {
  const a = URL.parse(target);
  const b = URL.parse(current);
  if (a === null || b === null) return false;
  a.hash = '';
  b.hash = '';
  return a.href === b.href;
}
