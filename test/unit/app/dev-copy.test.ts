import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { boot, quitAll } from './boot.ts';

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
const TOKEN = 'dev-copy-token-0b7f3e';

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});
afterEach(async () => {
  await quitAll();
  vi.restoreAllMocks();
});

/** The data folder at the moment main asks for the single-instance lock, which lives in it. */
function dataFolderAtLock(): () => string | null {
  let seen: string | null = null;
  vi.spyOn(fakeElectron.app, 'requestSingleInstanceLock').mockImplementation(() => {
    seen = fakeElectron.app.getPath('userData');
    return fakeElectron.app.hasSingleInstanceLock;
  });
  return () => seen;
}

describe('a copy run from the sources (npm start, npm run dev)', () => {
  it('keeps its data folder and keychain entry apart from the installed app’s', async () => {
    const atLock = dataFolderAtLock();
    const app = await boot(fakeElectron);
    const appData = fakeElectron.app.getPath('appData');
    expect(dirname(app.userData)).toBe(appData);
    expect(basename(app.userData)).toBe('Amoot Contact Sync Dev');
    expect(atLock()).toBe(app.userData);

    expect(await app.api.token.set({ token: TOKEN, test: false })).toEqual({ ok: true });
    expect([...fakeKeytar.entries.keys()].map((key) => key.split('/')[0])).toEqual([
      'Amoot Contact Sync Dev',
    ]);
  });
});

describe('the installed app', () => {
  it('uses Electron’s own data folder and the keychain entry the cli reads', async () => {
    fakeElectron.app.isPackaged = true;
    // Where an installed app finds its tray icons (electron-builder's extraResources).
    const resources = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', {
      value: join(import.meta.dirname, '../../../build'),
      configurable: true,
    });
    onTestFinished(() => {
      if (resources === undefined) delete (process as { resourcesPath?: string }).resourcesPath;
      else Object.defineProperty(process, 'resourcesPath', resources);
    });
    const atLock = dataFolderAtLock();
    const app = await boot(fakeElectron);
    expect(basename(app.userData)).toBe('userData');
    expect(atLock()).toBe(app.userData);

    expect(await app.api.token.set({ token: TOKEN, test: false })).toEqual({ ok: true });
    expect([...fakeKeytar.entries.keys()].map((key) => key.split('/')[0])).toEqual([
      'Amoot Contact Sync',
    ]);
  });
});
