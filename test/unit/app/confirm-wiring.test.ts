import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../common/settings.ts';
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

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});
afterEach(async () => {
  await quitAll();
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
