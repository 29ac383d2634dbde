/**
 * electron-log/main, imported for real (the other app tests replace it), opens an IPC channel of
 * its own on import: any frame could write log lines through it or ask it questions. The app
 * closes it before any window exists.
 */
import { createRequire } from 'node:module';
import type { NodeLogger } from 'electron-log';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ELECTRON_LOG_CHANNEL } from '../../../main/desktop/logging/app-logging.ts';
import { boot, quitAll } from './boot.ts';

const { fakeElectron, resetFakeElectron } = await vi.hoisted(
  () => import('../shell/fake-electron.ts'),
);
const { fakeKeytar, ElectronStoreStandIn } = await vi.hoisted(() => import('./fake-modules.ts'));
vi.mock('electron', () => fakeElectron);
vi.mock('electron-store', () => ({ default: ElectronStoreStandIn }));
vi.mock('@github/keytar', () => ({ default: fakeKeytar }));

const require = createRequire(import.meta.url);

/**
 * electron-log/main is plain CommonJS that `require`s electron itself, past Vitest's mocks: the
 * fake is put where Node's loader looks first, and electron-log is loaded afresh onto it.
 */
function loadRealElectronLog(): void {
  const electronPath = require.resolve('electron');
  require.cache[electronPath] = {
    id: electronPath,
    filename: electronPath,
    loaded: true,
    // Main's view of electron: with an ipcRenderer, electron-log's preload part would start too.
    exports: { ...fakeElectron, ipcRenderer: undefined },
  } as unknown as NodeJS.Module;
  for (const path of Object.keys(require.cache)) {
    if (path.includes('/node_modules/electron-log/')) delete require.cache[path];
  }
  const electronLog = require('electron-log/main') as NodeLogger;
  electronLog.transports.console.writeFn = () => undefined;
}

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});
afterEach(async () => {
  await quitAll();
});

describe("electron-log's own IPC channel", () => {
  it('is gone once the app has started: no frame can log through it or query it', async () => {
    loadRealElectronLog();
    // What the import alone does (the channel this test is about really is opened).
    expect(fakeElectron.ipcMain.listenerCount(ELECTRON_LOG_CHANNEL)).toBe(1);
    expect(fakeElectron.ipcMain.handlers.has(ELECTRON_LOG_CHANNEL)).toBe(true);

    await boot(fakeElectron);
    expect(fakeElectron.ipcMain.listenerCount(ELECTRON_LOG_CHANNEL)).toBe(0);
    expect(fakeElectron.ipcMain.handlers.has(ELECTRON_LOG_CHANNEL)).toBe(false);
  });
});
