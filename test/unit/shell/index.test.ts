import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, quitAll } from '../app/boot.ts';

// Kept outside the module registry that vi.resetModules() clears, so every fresh import of
// main/index.ts talks to the same fake the test inspects.
const { fakeElectron, resetFakeElectron, FakeBrowserWindow, FakeTray } = await vi.hoisted(
  () => import('./fake-electron.ts'),
);
// The packages main loads besides electron reach for Electron or the OS themselves.
const { fakeKeytar, quietLog, ElectronStoreStandIn } = await vi.hoisted(
  () => import('../app/fake-modules.ts'),
);

vi.mock('electron', () => fakeElectron);
vi.mock('electron-log/main', () => ({ default: quietLog() }));
vi.mock('electron-store', () => ({ default: ElectronStoreStandIn }));
vi.mock('@github/keytar', () => ({ default: fakeKeytar }));

const platform = Object.getOwnPropertyDescriptor(process, 'platform');

function pretendPlatform(name: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...platform, value: name });
}

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});

afterEach(async () => {
  await quitAll();
  if (platform !== undefined) Object.defineProperty(process, 'platform', platform);
  vi.restoreAllMocks();
});

describe('main/index.ts', () => {
  it('opens one window once Electron is ready, with every renderer sandboxed', async () => {
    await boot(fakeElectron, {
      beforeReady: () => {
        expect(FakeBrowserWindow.created).toHaveLength(0);
        expect(fakeElectron.app.sandboxEnabled).toBe(true);
      },
    });
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(fakeElectron.app.quitCalls).toBe(0);
  });

  it('quits at once, without a window or tray, when another copy is already running', async () => {
    fakeElectron.app.hasSingleInstanceLock = false;
    await import('../../../main/index.ts');
    await fakeElectron.app.becomeReady();
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(FakeTray.created).toHaveLength(0);
  });

  it('shows the existing window when the app is started a second time', async () => {
    const app = await boot(fakeElectron);
    const window = app.window()!;
    window.minimized = true;

    // As Electron reports a plain launch: its command line, working folder, and no switches.
    fakeElectron.app.emit('second-instance', {}, ['/opt/amoot/amoot-contact-sync'], '/', {
      syncNow: false,
      hidden: false,
    });

    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it.each(['win32', 'linux'] as const)(
    'keeps running in the tray when the last window closes on %s',
    async (name) => {
      pretendPlatform(name);
      const app = await boot(fakeElectron);
      app.window()!.close();
      fakeElectron.app.emit('window-all-closed');
      expect(fakeElectron.app.quitCalls).toBe(0);
      expect(app.tray.destroyed).toBe(false);
    },
  );

  it('keeps running on macOS and reopens the window from the Dock', async () => {
    pretendPlatform('darwin');
    await boot(fakeElectron);
    FakeBrowserWindow.created[0]!.close();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(0);

    fakeElectron.app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);

    // With a window open, the Dock click must not stack a second one.
    fakeElectron.app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('quits instead of leaving an invisible window when the page cannot load', async () => {
    FakeBrowserWindow.nextLoadError = new Error('ERR_FILE_NOT_FOUND');
    await boot(fakeElectron);
    expect(fakeElectron.app.quitCalls).toBe(1);
    const log = join(fakeElectron.app.getPath('logs'), 'main.log');
    expect(readFileSync(log, 'utf8')).toContain('ERR_FILE_NOT_FOUND');
  });

  it('tells the user, and quits, when its data cannot be opened', async () => {
    // A folder where the mirror's file should be: nothing to move aside, nothing to open.
    // Run from the sources, the app keeps its data in the "… Dev" folder (main/desktop/lifecycle/dev-copy.ts).
    const dataDir = join(fakeElectron.app.getPath('appData'), 'Amoot Contact Sync Dev');
    const mirror = join(dataDir, 'mirror.sqlite');
    mkdirSync(mirror, { recursive: true });
    writeFileSync(join(mirror, 'x'), '');
    await import('../../../main/index.ts');
    await fakeElectron.app.becomeReady();
    await vi.waitFor(() => expect(fakeElectron.app.quitCalls).toBe(1));
    expect(fakeElectron.dialog.errorBoxes).toHaveLength(1);
    expect(fakeElectron.dialog.errorBoxes[0]!.title).toBe('Amoot Contact Sync could not start');
    expect(fakeElectron.dialog.errorBoxes[0]!.content).toContain(fakeElectron.app.getPath('logs'));
    expect(FakeTray.created).toHaveLength(0);
  });
});
