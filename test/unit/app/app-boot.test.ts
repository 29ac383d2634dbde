import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bilingual } from '../../../common/i18n/format-message.ts';
import { INVOKE_CHANNELS } from '../../../common/ipc/contract.ts';
import { DEFAULT_SETTINGS } from '../../../common/settings.ts';
import { IpcError } from '../../../common/ipc/ipc-error.ts';
import { MANUAL_SYNC_COOLDOWN_MS } from '../../../main/core/scheduler/manual-sync-limit.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { FakeWebContents } from '../shell/fake-electron.ts';
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
const GOOD_TOKEN = 'app-boot-good-token-5c1e7a';
const WRONG_TOKEN = 'app-boot-wrong-token-93d0b4';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 40, seed: 7, tokens: { [GOOD_TOKEN]: 'valid' } });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});
afterEach(async () => {
  await quitAll();
});

describe('the app at start-up', () => {
  it('opens its stores in the data folder, answers every channel and shows its tray', async () => {
    const app = await boot(fakeElectron);
    expect(existsSync(join(app.userData, 'mirror.sqlite'))).toBe(true);
    // The start-up sync (which fails: no token yet) is recorded, and a change is saved, in the
    // data folder too.
    // A bound, not a pause: the poll ends as soon as the file is there; the start-up run goes
    // through a sync process, which a loaded machine can take seconds to start.
    await vi.waitFor(() => expect(existsSync(join(app.userData, 'history.json'))).toBe(true), {
      timeout: 15_000,
    });
    await app.api.settings.set({ syncIntervalMinutes: 20 });
    for (const file of ['settings.json', 'history.json']) {
      expect(existsSync(join(app.userData, file)), file).toBe(true);
    }
    if (process.platform !== 'win32') {
      expect(statSync(join(app.userData, 'settings.json')).mode & 0o777).toBe(0o600);
    }
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(fakeElectron.protocol.handlers.has('app')).toBe(true);
    expect(app.window()?.loaded?.target).toBe('app://bundle/index.html');
    expect(app.tray.destroyed).toBe(false);
    // A first start has no token: the state says so, and the vault is the (fake) keychain.
    const state = await app.api.state.get();
    expect(state.token).toEqual({ present: false, backend: 'keychain', persistent: true });
    expect(state.storeRecoveries).toEqual([]);
    expect(state.online).toBe(true);
  });

  it('refuses calls from anything but the app window’s own page', async () => {
    await boot(fakeElectron);
    const stranger = new FakeWebContents();
    const answer = await fakeElectron.ipcMain.invoke(
      { sender: stranger, senderFrame: { url: 'app://bundle/index.html', parent: null } },
      'settings.get',
    );
    expect(answer).toEqual({ ok: false, error: 'forbidden' });
  });

  it('serves every channel from the real services', async () => {
    const app = await boot(fakeElectron);
    const { api } = app;

    const saved = await api.settings.set({ baseUrl: simulator.baseUrl, contactGroupId: '0' });
    expect(saved).toMatchObject({ ok: true, settings: { baseUrl: simulator.baseUrl } });
    expect(await api.settings.get()).toMatchObject({ baseUrl: simulator.baseUrl });

    expect(await api.token.set({ token: GOOD_TOKEN, test: true })).toEqual({ ok: true });
    expect(await api.token.status()).toEqual({
      present: true,
      backend: 'keychain',
      persistent: true,
    });
    expect(await api.token.test()).toEqual({ ok: true });

    expect(await api.sync.now()).toEqual({ ok: true });
    const history = await api.history.page({ limit: 10 });
    expect(history.total).toBeGreaterThan(0);
    expect(history.runs.some((run) => run.committed)).toBe(true);

    simulator.update(3);
    // At once, the window's second manual sync is refused; after the cooldown it runs.
    expect(await api.sync.now()).toMatchObject({ ok: false, tooSoon: true });
    await app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    expect(await api.sync.now()).toEqual({ ok: true });
    const page = await api.updates.page({ order: 'detected-time', limit: 50 });
    expect(page.totalsByKind.updated).toBe(3);
    expect(page.rows.filter((row) => row.kind === 'updated')).toHaveLength(3);

    await api.sync.pause({ for: 60 * 60_000 });
    expect((await api.state.get()).paused).toMatchObject({ untilResumed: false });
    await api.sync.resume();
    expect((await api.state.get()).paused).toBeNull();
    await expect(api.sync.cancel()).resolves.toBeUndefined();

    const file = join(app.userData, '..', 'export.csv');
    fakeElectron.dialog.saveAnswer = { canceled: false, filePath: file };
    expect(await api.export.csv({ order: 'server-time', kinds: ['updated'] })).toEqual({
      ok: true,
      path: file,
    });
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffcontact_id,change,server_updated_at_utc,detected_at_utc,sync_run');
    expect(lines.filter((line) => line.includes(',updated,'))).toHaveLength(3);
    fakeElectron.dialog.saveAnswer = { canceled: true };
    expect(await api.export.csv({ order: 'server-time' })).toEqual({
      ok: false,
      cancelled: true,
    });

    expect(await api.logs.open()).toEqual({ ok: true });
    expect(fakeElectron.shell.openedPaths).toEqual([fakeElectron.app.getPath('logs')]);

    // The page copies and pastes through main (its own clipboard permissions are denied).
    await api.clipboard.write({ text: '9223372036854775807' });
    expect(fakeElectron.clipboard.text).toBe('9223372036854775807');
    fakeElectron.clipboard.text = `  ${'t'.repeat(5000)}`;
    expect(await api.clipboard.read()).toEqual({ ok: false, refused: 'no-gesture' });

    await api.history.clear();
    expect(await api.history.page({ limit: 10 })).toEqual({ runs: [], total: 0 });
    expect((await api.state.get()).lastRun).toBeNull();

    expect(await api.token.clear()).toEqual({ ok: true });
    expect((await api.token.status()).present).toBe(false);
    expect(fakeKeytar.entries.size).toBe(0);
    const untested = await api.token.test();
    expect(untested.ok).toBe(false);
  });

  it('says in both languages why a settings change was refused, and stores nothing of it', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ syncIntervalMinutes: 30 });
    const file = join(app.userData, 'settings.json');
    const before = readFileSync(file, 'utf8');

    const refused = await app.api.settings.set({
      syncIntervalMinutes: 45,
      baseUrl: 'http://portal.amootsms.com/rest',
    });
    expect(refused).toMatchObject({ ok: false, field: 'baseUrl' });
    if (refused.ok || 'cancelled' in refused) throw new Error('refused');
    const { en, fa } = bilingual(refused.message);
    expect(en).toMatch(/https/i);
    expect(fa).toMatch(/[\u0600-\u06FF]/);
    expect(fa).not.toBe(en);

    const outOfRange = await app.api.settings.set({ syncIntervalMinutes: 0 });
    expect(outOfRange).toMatchObject({ ok: false, field: 'syncIntervalMinutes' });

    // A value of the wrong type never reaches the store: the call itself is refused.
    const wrongType = app.api.settings.set({ syncIntervalMinutes: '5' } as never);
    await expect(wrongType).rejects.toBeInstanceOf(IpcError);

    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await app.api.settings.get()).toMatchObject({
      syncIntervalMinutes: 30,
      baseUrl: 'https://portal.amootsms.com/rest',
    });
  });

  it('keeps a token the API accepts and refuses one it does not', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ baseUrl: simulator.baseUrl });

    const refused = await app.api.token.set({ token: WRONG_TOKEN, test: true });
    expect(refused).toMatchObject({ ok: false, errorKind: 'auth', canSaveUntested: false });
    expect((await app.api.token.status()).present).toBe(false);
    expect(fakeKeytar.entries.size).toBe(0);

    expect(await app.api.token.set({ token: GOOD_TOKEN, test: true })).toEqual({ ok: true });
    expect((await app.api.state.get()).token.present).toBe(true);
    expect([...fakeKeytar.entries.values()]).toEqual([GOOD_TOKEN]);
    // The test call carried the token to the API, not anywhere else.
    const sent = simulator.requests.at(-1);
    expect(sent?.headers.authorization).toBe(GOOD_TOKEN);
  });

  it('falls back to a token kept in memory for this run when no keychain answers', async () => {
    fakeKeytar.unavailable = true;
    const app = await boot(fakeElectron);
    expect(await app.api.token.status()).toEqual({
      present: false,
      backend: 'memory',
      persistent: false,
    });
  });
});

const CANCEL = 1;
const FOREIGN = 'https://api.example.net/rest';

describe("main's own question, in the real app", () => {
  it('is a native box modal on the window, and Cancel leaves settings.json as it was', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ syncIntervalMinutes: 30 });
    const file = join(app.userData, 'settings.json');
    const before = readFileSync(file, 'utf8');
    fakeElectron.dialog.messageBoxResponse = CANCEL;

    expect(await app.api.settings.set({ baseUrl: FOREIGN })).toEqual({
      ok: false,
      cancelled: true,
    });

    expect(fakeElectron.dialog.messageBoxes).toHaveLength(1);
    const [box] = fakeElectron.dialog.messageBoxes;
    expect(box?.parent).toBe(app.window());
    expect(box?.options.message).toContain('api.example.net');
    expect(box?.options.cancelId).toBe(CANCEL);
    expect(box?.options.defaultId).toBe(CANCEL);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await app.api.settings.get()).baseUrl).toBe(DEFAULT_SETTINGS.baseUrl);
  });

  it('saves once the user chose the action, and asks in the language of the app', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ language: 'fa' });

    expect(await app.api.settings.set({ baseUrl: FOREIGN })).toMatchObject({
      ok: true,
      settings: { baseUrl: FOREIGN },
    });
    const [box] = fakeElectron.dialog.messageBoxes;
    expect(box?.options.message).toMatch(/[\u0600-\u06FF]/);
    const saved = JSON.parse(readFileSync(join(app.userData, 'settings.json'), 'utf8')) as {
      baseUrl?: string;
    };
    expect(saved.baseUrl).toBe(FOREIGN);
  });

  it('stands between the window and the token and history too', async () => {
    const app = await boot(fakeElectron);
    fakeElectron.dialog.messageBoxResponse = CANCEL;
    expect(await app.api.token.clear()).toEqual({ ok: false, cancelled: true });
    expect(await app.api.history.clear()).toEqual({ ok: false, cancelled: true });
    expect(await app.api.settings.set({ startAtLogin: true })).toEqual({
      ok: false,
      cancelled: true,
    });
    expect(fakeElectron.dialog.messageBoxes.map((box) => box.options.title)).toEqual([
      'Remove the token?',
      'Clear the sync history?',
      'Start at sign-in?',
    ]);
    expect((await app.api.settings.get()).startAtLogin).toBe(false);
  });
});
