import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Kept outside the module registry that vi.resetModules() clears, so every fresh import of
// main/index.ts talks to the same fake the test inspects.
const { fakeElectron, resetFakeElectron, FakeBrowserWindow } = await vi.hoisted(
  () => import('./fake-electron.ts'),
);

vi.mock('electron', () => fakeElectron);

const platform = Object.getOwnPropertyDescriptor(process, 'platform');

function pretendPlatform(name: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { ...platform, value: name });
}

/** Starts the app the way Electron does: evaluate main/index.ts, then become ready. */
async function launch(): Promise<void> {
  await import('../../../main/index.ts');
  await fakeElectron.app.becomeReady();
}

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
});

afterEach(() => {
  if (platform !== undefined) Object.defineProperty(process, 'platform', platform);
  vi.restoreAllMocks();
});

describe('main/index.ts', () => {
  it('opens one window once Electron is ready, with every renderer sandboxed', async () => {
    await import('../../../main/index.ts');
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(fakeElectron.app.sandboxEnabled).toBe(true);

    await fakeElectron.app.becomeReady();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(fakeElectron.app.quitCalls).toBe(0);
  });

  it('quits at once, without a window, when another copy is already running', async () => {
    fakeElectron.app.hasSingleInstanceLock = false;
    await launch();
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('shows the existing window when the app is started a second time', async () => {
    await launch();
    const window = FakeBrowserWindow.created[0]!;
    window.minimized = true;

    fakeElectron.app.emit('second-instance');

    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it.each(['win32', 'linux'] as const)('quits when the last window closes on %s', async (name) => {
    pretendPlatform(name);
    await launch();
    FakeBrowserWindow.created[0]!.close();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(1);
  });

  it('keeps running on macOS and reopens the window from the Dock', async () => {
    pretendPlatform('darwin');
    await launch();
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
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    FakeBrowserWindow.nextLoadError = new Error('ERR_FILE_NOT_FOUND');
    await launch();
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(logged).toHaveBeenCalled();
  });
});
