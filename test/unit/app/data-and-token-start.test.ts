/**
 * Where the app keeps its data and token, and when it first reads the token: a copy run from the
 * sources stays apart from the installed app, and a keychain that asks the user before it answers
 * (macOS does for a new build) is only asked once the tray and the window are up.
 */
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { KEYTAR_ACCOUNT } from '../../../main/adapters/secrets/keytar-secret-store.ts';
import { boot, quitAll } from './boot.ts';

const { fakeElectron, resetFakeElectron, FakeBrowserWindow } = await vi.hoisted(
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

describe('a keychain that asks the user before it answers', () => {
  it('comes after the tray and the window, and the state follows its answer', async () => {
    const answers: ((token: string | null) => void)[] = [];
    const read = fakeKeytar.getPassword;
    let asking = true;
    vi.spyOn(fakeKeytar, 'getPassword').mockImplementation((service, account) =>
      // The availability probe reads another entry, which asks nothing.
      asking && account === KEYTAR_ACCOUNT
        ? new Promise((answer) => answers.push(answer))
        : read(service, account),
    );

    const app = await boot(fakeElectron, { env: { AMOOT_BASE_URL: '', AMOOT_DEMO_TOKEN: '' } });
    // Up while the question is still open.
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(app.tray.destroyed).toBe(false);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);

    // The user allows it: there is no token yet, and the window is told so.
    asking = false;
    for (const answer of answers.splice(0)) answer(null);
    await vi.waitFor(async () => {
      expect((await app.api.state.get()).token).toEqual({
        present: false,
        backend: 'keychain',
        persistent: true,
      });
    });
    const sent = app
      .events()
      .filter((event) => event.channel === 'state.changed')
      .map((event) => (event.payload as { token: { present: boolean } }).token.present);
    expect(sent.at(-1)).toBe(false);
  });
});
