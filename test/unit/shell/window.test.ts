import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readAppInfo } from '../../../main/preload/app-info.ts';
import {
  createMainWindow,
  defaultWindowSources,
  revealWindow,
  type MainWindowSources,
} from '../../../main/desktop/window/window.ts';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from './fake-electron.ts';

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron);

const devSources: MainWindowSources = {
  preloadPath: '/app/out/preload/index.cjs',
  renderer: { kind: 'url', url: 'http://localhost:5173/' },
};

function openWindow(sources: MainWindowSources = devSources): FakeBrowserWindow {
  createMainWindow(sources);
  const window = FakeBrowserWindow.created.at(-1);
  if (window === undefined) throw new Error('createMainWindow made no BrowserWindow');
  return window;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('createMainWindow', () => {
  it('isolates the page from Node and Electron', () => {
    const { webPreferences } = openWindow().options;
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('gives an installed app no developer tools, and a development run its usual ones', () => {
    expect(openWindow().options.webPreferences?.['devTools']).toBe(true);
    fakeElectron.app.isPackaged = true;
    expect(openWindow().options.webPreferences?.['devTools']).toBe(false);
  });

  it('cancels every download the page starts, and says so in the log by its origin', () => {
    const warnings: string[] = [];
    createMainWindow(devSources, { log: { warn: (line) => warnings.push(line) } });
    const { session } = FakeBrowserWindow.created.at(-1)!.webContents;
    expect(session.listenerCount('will-download')).toBe(1);
    for (const url of ['https://evil.example/payload.exe?t=1', 'blob:app://bundle/1-2', 'x']) {
      let prevented = false;
      let cancelled = false;
      const event = { preventDefault: () => (prevented = true) };
      const item = { getURL: () => url, cancel: () => (cancelled = true) };
      session.emit('will-download', event, item, {});
      expect({ prevented, cancelled }).toEqual({ prevented: true, cancelled: true });
    }
    expect(warnings).toEqual([
      'window: a download from https://evil.example was refused',
      'window: a download from blob: was refused',
      'window: a download from an unreadable address was refused',
    ]);
  });

  it('hands the app version to the preload through the renderer command line', () => {
    const args = openWindow().options.webPreferences?.['additionalArguments'];
    expect(Array.isArray(args)).toBe(true);
    expect(readAppInfo(['electron', ...(args as string[])], 'linux').version).toBe('1.2.3');
  });

  it('stays hidden until the first paint, then shows', () => {
    const window = openWindow();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('is large enough to use and cannot be shrunk below a usable size', () => {
    const { width, height, minWidth, minHeight } = openWindow().options;
    expect(minWidth).toBeGreaterThanOrEqual(600);
    expect(minHeight).toBeGreaterThanOrEqual(400);
    expect(width).toBeGreaterThanOrEqual(minWidth ?? Infinity);
    expect(height).toBeGreaterThanOrEqual(minHeight ?? Infinity);
  });

  it('blocks navigation to another origin', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('https://evil.example/phish')).toBe(true);
    expect(webContents.navigate('file:///etc/passwd')).toBe(true);
  });

  it('blocks navigation to another page of its own origin', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('http://localhost:5173/other.html')).toBe(true);
  });

  it('lets the page reload itself', () => {
    const { webContents } = openWindow();
    expect(webContents.navigate('http://localhost:5173/')).toBe(false);
    expect(webContents.navigate('http://localhost:5173/#history')).toBe(false);
  });

  it('refuses window.open and <webview>', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(webContents.windowOpenHandler?.({ url: 'http://localhost:5173/' })).toEqual({
      action: 'deny',
    });
    expect(webContents.attachWebview()).toBe(true);
  });

  it('denies every permission the page asks for or checks', () => {
    const { session } = openWindow().webContents;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'http://localhost:5173')).toBe(false);
    }
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.permissionCheckHandler).not.toBeNull();
  });

  it('loads the dev server URL, or the built renderer over app://, never over file://', () => {
    expect(openWindow().loaded).toEqual({ kind: 'url', target: 'http://localhost:5173/' });

    const built = openWindow({
      preloadPath: '/app/out/preload/index.cjs',
      renderer: { kind: 'app', folder: '/app/out/renderer' },
    });
    expect(built.loaded).toEqual({ kind: 'url', target: 'app://bundle/index.html' });
    // Once loaded from app://, the page may still reload itself but go nowhere else.
    expect(built.webContents.navigate('app://bundle/index.html#/settings')).toBe(false);
    expect(built.webContents.navigate('app://bundle/other.html')).toBe(true);
    expect(built.webContents.navigate('file:///app/out/renderer/index.html')).toBe(true);
  });

  it('refuses every server redirect', () => {
    const { webContents } = openWindow();
    expect(webContents.redirect('https://evil.example/')).toBe(true);
    expect(webContents.redirect('http://localhost:5173/')).toBe(true);
  });

  it('hands links the page tries to follow to openLink, never to a window of its own', () => {
    const openLink = vi.fn();
    createMainWindow(devSources, { openLink });
    const { webContents } = FakeBrowserWindow.created.at(-1)!;

    expect(webContents.windowOpenHandler?.({ url: 'https://portal.amootsms.com/' })).toEqual({
      action: 'deny',
    });
    expect(webContents.navigate('https://amootsms.com/help')).toBe(true);
    expect(openLink.mock.calls).toEqual([
      ['https://portal.amootsms.com/'],
      ['https://amootsms.com/help'],
    ]);
    expect(FakeBrowserWindow.created).toHaveLength(1);

    // Reloading the page is not a link.
    webContents.navigate('http://localhost:5173/');
    expect(openLink).toHaveBeenCalledTimes(2);
  });

  it('returns the window before the page loads and reports a failed load', async () => {
    const failure = new Error('ERR_CONNECTION_REFUSED');
    FakeBrowserWindow.nextLoadError = failure;
    const { window, loaded } = createMainWindow(devSources);
    expect(window).toBe(FakeBrowserWindow.created[0]);
    await expect(loaded).rejects.toBe(failure);
  });
});

describe('defaultWindowSources', () => {
  const mainDir = join('/opt', 'amoot', 'out', 'main');

  it('uses the dev server while developing', () => {
    const sources = defaultWindowSources(
      { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
      mainDir,
    );
    expect(sources.renderer).toEqual({ kind: 'url', url: 'http://localhost:5173' });
    expect(sources.preloadPath).toBe(join('/opt', 'amoot', 'out', 'preload', 'index.cjs'));
  });

  it('serves the built renderer over app:// when there is no dev server', () => {
    expect(defaultWindowSources({}, mainDir).renderer).toEqual({
      kind: 'app',
      folder: join('/opt', 'amoot', 'out', 'renderer'),
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    fakeElectron.app.isPackaged = true;
    const sources = defaultWindowSources(
      { ELECTRON_RENDERER_URL: 'https://evil.example/' },
      mainDir,
    );
    expect(sources.renderer).toEqual({
      kind: 'app',
      folder: join('/opt', 'amoot', 'out', 'renderer'),
    });
  });
});

describe('revealWindow', () => {
  it('restores a minimised window and brings it to the front', () => {
    const { window } = createMainWindow(devSources);
    const fake = FakeBrowserWindow.created[0]!;
    fake.minimized = true;
    revealWindow(window);
    expect(fake.minimized).toBe(false);
    expect(fake.visible).toBe(true);
    expect(fake.focused).toBe(true);
  });
});
