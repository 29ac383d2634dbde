/**
 * Starts the real `main/index.ts` against the fake `electron` (see `../shell/fake-electron.ts`) and
 * the stand-ins of `fake-modules.ts`, the way Electron would: evaluate main, become ready, wait
 * until the app runs. The window's side is the real preload API (`createAmootApi`) over the fake
 * ipcRenderer, unwrapped as the page's `lib/api.ts` does (`pageApi`), and every answer and event
 * the page received is kept for inspection.
 */
import { existsSync } from 'node:fs';
import { expect, vi } from 'vitest';
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import { INVOKE_CHANNELS } from '../../../common/ipc/contract.ts';
import { pageApi } from '../../../common/ipc/page-api.ts';
import { createAmootApi, type IpcTransport } from '../../../main/preload/api-factory.ts';
import type { fakeElectron as FakeElectronModule } from '../shell/fake-electron.ts';
import { FakeBrowserWindow, FakeTray } from '../shell/fake-electron.ts';

type FakeElectron = typeof FakeElectronModule;

export interface BootOptions {
  /** Environment variables present while main is evaluated (demo mode reads them then). */
  readonly env?: Readonly<Record<string, string>>;
  /** Switches on the command line of this launch, e.g. `--hidden`. */
  readonly argv?: readonly string[];
  /** Runs after main is evaluated and before Electron is ready. */
  readonly beforeReady?: () => void;
}

export interface BootedApp {
  readonly electron: FakeElectron;
  /** The page's `window.amoot`, talking to whichever window is open. */
  readonly api: AmootApi;
  /** Every envelope main answered the page with, as the page received it. */
  readonly responses: unknown[];
  /** The window open now (the newest), if any. */
  window(): FakeBrowserWindow | undefined;
  /** Makes the newest window the page the api talks from (after the window was reopened). */
  attach(): void;
  /** Every event main sent to any window of this run, in order. */
  events(): { channel: string; payload: unknown }[];
  readonly tray: FakeTray;
  /** The data folder (`app.getPath('userData')`). */
  readonly userData: string;
  /** Quits as Electron does: 'before-quit', then 'will-quit', until the app lets the process end. */
  quit(): Promise<void>;
  readonly quitted: () => boolean;
  /**
   * The user waiting `ms` before the next click (the manual-sync cooldown, say): moves the clock
   * main reads (`systemClock`) on, without the test waiting in real time.
   */
  passTime(ms: number): Promise<void>;
}

/**
 * For waits that span a whole sync: each one starts a process of its own (the utility process's
 * Node twin), which on a busy test machine takes a second or more to load before it syncs.
 */
export const SYNC_PROCESS_WAIT = { timeout: 15_000, interval: 20 } as const;

const running: BootedApp[] = [];

/** Quits every app a test started and did not quit; for `afterEach`. */
export async function quitAll(): Promise<void> {
  for (const app of running.splice(0)) {
    if (!app.quitted()) await app.quit();
  }
}

export async function boot(electron: FakeElectron, options: BootOptions = {}): Promise<BootedApp> {
  const savedEnv = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    savedEnv.set(name, process.env[name]);
    process.env[name] = value;
  }
  const argvLength = process.argv.length;
  process.argv.push(...(options.argv ?? []));
  try {
    await import('../../../main/index.ts');
  } finally {
    process.argv.length = argvLength;
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  options.beforeReady?.();
  await electron.app.becomeReady();
  // The app runs once its tray exists: everything after it in start-up is synchronous.
  await vi.waitFor(
    () => {
      const failure = electron.dialog.errorBoxes[0];
      if (failure !== undefined) throw new Error(`the app could not start: ${failure.content}`);
      expect(electron.ipcMain.handlers.size).toBe(INVOKE_CHANNELS.length);
      expect(FakeTray.created).toHaveLength(1);
    },
    { timeout: 10_000, interval: 5 },
  );

  const responses: unknown[] = [];
  const transport: IpcTransport = {
    async invoke(channel, args) {
      const response = await electron.ipcRenderer.invoke(channel, args);
      responses.push(response);
      return response;
    },
    subscribe(channel, listener) {
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      electron.ipcRenderer.on(channel, forward);
      return () => {
        electron.ipcRenderer.removeListener(channel, forward);
      };
    },
  };
  const windowNow = () => FakeBrowserWindow.getAllWindows().at(-1);
  const attach = (): void => {
    const window = windowNow();
    if (window !== undefined) electron.ipcRenderer.attach(electron.ipcMain, window.webContents);
  };
  attach();
  let quitted = false;
  let skewMs = 0;
  const tray = FakeTray.created[0]!;
  const app: BootedApp = {
    electron,
    api: pageApi(createAmootApi(transport)),
    responses,
    window: windowNow,
    attach,
    events: () =>
      FakeBrowserWindow.created.flatMap((window) =>
        window.webContents.sent.map(({ channel, args }) => ({ channel, payload: args[0] })),
      ),
    tray,
    userData: electron.app.getPath('userData'),
    async quit() {
      const before = electron.app.quitCalls;
      electron.app.emit('before-quit');
      let prevented = false;
      electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      await vi.waitFor(() => expect(electron.app.quitCalls).toBe(before + 1), {
        timeout: 10_000,
        interval: 5,
      });
      quitted = true;
    },
    quitted: () => quitted,
    async passTime(ms) {
      // The instance main imported: the module registry was reset just before it was evaluated.
      const { systemClock } = await import('../../../main/core/ports/clock.ts');
      if (skewMs === 0) {
        const { nowMs, monotonicMs } = systemClock;
        vi.spyOn(systemClock, 'nowMs').mockImplementation(() => nowMs() + skewMs);
        vi.spyOn(systemClock, 'monotonicMs').mockImplementation(() => monotonicMs() + skewMs);
      }
      skewMs += ms;
    },
  };
  running.push(app);
  expect(existsSync(app.userData)).toBe(true);
  return app;
}
