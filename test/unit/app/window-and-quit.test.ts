import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { FakeBrowserWindow, FakeMenu, FakeNotification } from '../shell/fake-electron.ts';
import { boot, quitAll, SYNC_PROCESS_WAIT } from './boot.ts';

const { fakeElectron, resetFakeElectron } = await vi.hoisted(
  () => import('../shell/fake-electron.ts'),
);
const { fakeKeytar, quietLog, ElectronStoreStandIn } = await vi.hoisted(
  () => import('./fake-modules.ts'),
);
vi.mock('electron', () => fakeElectron);
vi.mock('electron-log/main', () => ({ default: quietLog() }));
vi.mock('electron-store', () => ({ default: ElectronStoreStandIn }));
vi.mock('@github/keytar', () => ({ default: fakeKeytar }));

// Scanned for by the suite's teardown in every file the tests leave behind.
const QUIT_TOKEN = 'app-quit-token-4be80d21';

const platform = Object.getOwnPropertyDescriptor(process, 'platform');
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 30, tokens: { [QUIT_TOKEN]: 'valid' } });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
  simulator.setFault(null);
});
afterEach(async () => {
  await quitAll();
  if (platform !== undefined) Object.defineProperty(process, 'platform', platform);
});

const stillRunningNotices = () =>
  FakeNotification.created.filter((n) => n.options.title === 'Amoot Contact Sync is still running');

describe('closing the window', () => {
  it('keeps the app running in the tray and says so the first time only', async () => {
    const app = await boot(fakeElectron);
    app.window()!.close();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(0);
    expect(app.tray.destroyed).toBe(false);
    expect(stillRunningNotices()).toHaveLength(1);
    expect(stillRunningNotices()[0]!.shown).toBe(true);
    const flags = JSON.parse(readFileSync(join(app.userData, 'ui-flags.json'), 'utf8'));
    expect(flags).toEqual({ closeToTrayNoticeShown: true });

    // The tray brings a new window; closing that one again is not announced again.
    app.tray.click();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    app.attach();
    expect((await app.api.state.get()).token.present).toBe(false);
    app.window()!.close();
    expect(stillRunningNotices()).toHaveLength(1);
    expect(fakeElectron.app.quitCalls).toBe(0);
  });

  it('remembers across starts that the notice was shown', async () => {
    const first = await boot(fakeElectron);
    first.window()!.close();
    await first.quit();
    const userData = first.userData;

    vi.resetModules();
    resetFakeElectron();
    // The same data folder: it is chosen inside appData at every start.
    fakeElectron.app.setPath('appData', dirname(userData));
    const second = await boot(fakeElectron);
    second.window()!.close();
    expect(FakeNotification.created).toHaveLength(0);
  });

  it('reopens the window from the Dock on macOS, without stacking a second one', async () => {
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    const app = await boot(fakeElectron);
    app.window()!.close();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(0);
    fakeElectron.app.emit('activate');
    fakeElectron.app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(stillRunningNotices()[0]?.options.body).toMatch(/menu bar/);
  });
});

describe('starting', () => {
  it('stays in the tray without a window when started with --hidden', async () => {
    const app = await boot(fakeElectron, { argv: ['--hidden'] });
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(app.tray.destroyed).toBe(false);
    fakeElectron.app.emit('second-instance', {}, [], '/', { syncNow: false, hidden: false });
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('brings the existing window forward when started a second time', async () => {
    const app = await boot(fakeElectron);
    const window = app.window()!;
    window.minimized = true;
    fakeElectron.app.emit('second-instance', {}, [], '/', { syncNow: false, hidden: false });
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });

  it('follows the start-at-login setting, from the settings page and from the tray', async () => {
    const app = await boot(fakeElectron);
    // A development run never registers a login item: it would start the bare Electron binary.
    await app.api.settings.set({ startAtLogin: true });
    expect(fakeElectron.app.loginItem.openAtLogin).toBe(false);
    await app.quit();

    vi.resetModules();
    resetFakeElectron();
    fakeElectron.app.isPackaged = true;
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    // Where Electron puts a packaged app's resources (the tray icons among them).
    Object.defineProperty(process, 'resourcesPath', {
      value: '/app/resources',
      configurable: true,
    });
    const packaged = await boot(fakeElectron).finally(() => {
      Reflect.deleteProperty(process, 'resourcesPath');
    });
    expect(fakeElectron.app.loginItem.openAtLogin).toBe(false);
    packaged.tray.contextMenu!.find('Start at login').click();
    expect(fakeElectron.app.loginItem.openAtLogin).toBe(true);
    expect((await packaged.api.settings.get()).startAtLogin).toBe(true);
    await packaged.api.settings.set({ startAtLogin: false });
    expect(fakeElectron.app.loginItem.openAtLogin).toBe(false);
  });
});

describe('language and theme', () => {
  it('writes the tray and the menu bar in the system’s language, then in the one chosen', async () => {
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    fakeElectron.app.systemLanguages = ['fa-IR', 'en-US'];
    const app = await boot(fakeElectron);
    expect(app.tray.toolTip.split('\n')[0]).toBe('همگام‌ساز مخاطبین آموت');
    expect(app.tray.contextMenu!.findOrNull('خروج')).not.toBeNull();
    expect(FakeMenu.applicationMenu?.findOrNull('ویرایش')).not.toBeNull();

    await app.api.settings.set({ language: 'en' });
    expect(app.tray.toolTip.split('\n')[0]).toBe('Amoot Contact Sync');
    expect(app.tray.contextMenu!.findOrNull('Quit')).not.toBeNull();
    expect(FakeMenu.applicationMenu?.findOrNull('Edit')).not.toBeNull();
  });

  it('gives the page the theme the user chose', async () => {
    const app = await boot(fakeElectron);
    expect(fakeElectron.nativeTheme.themeSource).toBe('system');
    await app.api.settings.set({ theme: 'dark' });
    expect(fakeElectron.nativeTheme.themeSource).toBe('dark');
  });
});

describe('quitting', () => {
  it('from the tray closes everything down before the process ends', async () => {
    const app = await boot(fakeElectron);
    app.tray.contextMenu!.find('Quit').click();
    expect(fakeElectron.app.quitCalls).toBe(1);
    await app.quit();
    expect(app.tray.destroyed).toBe(true);
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
  });

  it('cancels a sync still running and records it, leaving the mirror as it was', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ baseUrl: simulator.baseUrl });
    await app.api.token.set({ token: QUIT_TOKEN, test: false });
    simulator.setFault({ kind: 'stall-after-headers' });
    const sync = app.api.sync.now();
    await vi.waitFor(
      async () => expect((await app.api.state.get()).syncing).toBe(true),
      SYNC_PROCESS_WAIT,
    );

    await app.quit();
    await expect(sync).resolves.toEqual({ ok: false, errorKind: 'cancelled' });
    const file = join(app.userData, 'history.json');
    expect(existsSync(file)).toBe(true);
    const { runs } = JSON.parse(readFileSync(file, 'utf8')) as { runs: { outcome: string }[] };
    expect(runs.map((run) => run.outcome)).not.toContain('running');
    expect(runs[0]?.outcome).toBe('cancelled');
  });

  it('quits, without a window left behind, when the page cannot load', async () => {
    FakeBrowserWindow.nextLoadError = new Error('ERR_FILE_NOT_FOUND');
    await boot(fakeElectron);
    expect(fakeElectron.app.quitCalls).toBe(1);
  });
});

describe("the app's window", () => {
  it('cancels a download its page starts', async () => {
    const app = await boot(fakeElectron);
    const { session } = FakeBrowserWindow.created.at(-1)!.webContents;
    let cancelled = false;
    const item = { getURL: () => 'https://evil.example/a.exe', cancel: () => (cancelled = true) };
    session.emit('will-download', { preventDefault: () => undefined }, item, {});
    expect(cancelled).toBe(true);
    expect(app.window()).not.toBeNull();
  });
});
