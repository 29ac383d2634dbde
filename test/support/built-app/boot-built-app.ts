/**
 * Runs the built app (`out/main/index.js`, what `npm start` hands Electron) in this Node process,
 * the way Electron would, over the suite's fake `electron`: evaluate main, become ready, wait
 * for the tray. Then it acts as the window's page: loads the page main asked for through main's
 * own `app://` handler, calls every IPC channel, syncs against the simulator (in the real
 * `out/main/sync-worker.js`, forked by the fake `utilityProcess`), and quits as Electron does.
 * What it saw goes to the parent as one message; the process must then end on its own, which it
 * only does when the app left nothing running.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import { redirectBundleImports } from './module-hooks.ts';

const outDir = resolve(process.env['AMOOT_BUNDLE_OUT'] ?? '');
const baseUrl = process.env['AMOOT_SIM_URL'] ?? '';
const token = process.env['AMOOT_SIM_TOKEN'] ?? '';
const here = import.meta.dirname;

redirectBundleImports(outDir, {
  electron: join(here, 'main-electron.ts'),
  'electron-log/main': join(here, 'electron-log-main.ts'),
  'electron-store': join(here, 'electron-store.ts'),
  '@github/keytar': join(here, 'keytar.ts'),
});

const { fakeElectron, FakeBrowserWindow, FakeTray } =
  await import('../../unit/shell/fake-electron.ts');
const electron = fakeElectron;

// The sync process is the very module main named, started as Electron would start it.
electron.utilityProcess.launcher = (request) =>
  fork(request.modulePath, [], {
    execArgv: [
      '--import',
      pathToFileURL(join(here, 'utility-process-preload.ts')).href,
      ...request.execArgv,
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });

async function waitFor<T>(what: string, check: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
}

await import(pathToFileURL(join(outDir, 'main/index.js')).href);
await electron.app.becomeReady();
const tray = await waitFor('the tray', () => FakeTray.created[0]);
const failure = electron.dialog.errorBoxes[0];
if (failure !== undefined) throw new Error(`the app could not start: ${failure.content}`);
const window = await waitFor('the window', () => FakeBrowserWindow.created[0]);
electron.ipcRenderer.attach(electron.ipcMain, window.webContents);
const channelsRegistered = [...electron.ipcMain.handlers.keys()].sort();
const trayAtStart = { shown: !tray.destroyed && tray.toolTip !== '', image: tray.image.path };

// The page as the window loads it: through main's own app:// handler, from the built renderer.
const page = window.loaded?.target ?? '';
const serve = electron.protocol.handlers.get('app');
const served = serve === undefined ? null : await serve(new Request(page));
const pageHtml = served === null ? '' : await served.text();

// The start-up sync runs at once and, with no token saved yet, fails before any request: wait
// for it, or the token saved below would send it to the production server.
const historyTotal = async (): Promise<number> => {
  const answer = (await electron.ipcRenderer.invoke('history.page', { limit: 1 })) as {
    value?: { total?: number };
  };
  return answer.value?.total ?? 0;
};
for (const until = Date.now() + 20_000; (await historyTotal()) === 0;) {
  if (Date.now() > until) throw new Error('timed out waiting for the start-up sync');
  await new Promise((resolveWait) => setTimeout(resolveWait, 10));
}

const calls: { channel: InvokeChannel; args?: unknown }[] = [
  { channel: 'state.get' },
  { channel: 'settings.set', args: { baseUrl, contactGroupId: '0' } },
  { channel: 'settings.get' },
  { channel: 'token.set', args: { token, test: true } },
  { channel: 'token.status' },
  { channel: 'token.test' },
  { channel: 'sync.now' },
  { channel: 'history.page', args: { limit: 10 } },
  { channel: 'updates.page', args: { order: 'detected-time', limit: 50 } },
  { channel: 'sync.pause', args: { for: 60 * 60_000 } },
  { channel: 'sync.resume' },
  { channel: 'sync.cancel' },
  { channel: 'export.csv', args: { order: 'server-time', kinds: ['added'] } },
  { channel: 'logs.open' },
  { channel: 'clipboard.write', args: { text: '12345678' } },
  { channel: 'clipboard.read' },
  { channel: 'history.clear' },
  { channel: 'token.clear' },
];
mkdirSync(electron.app.getPath('documents'), { recursive: true });
electron.dialog.saveAnswer = {
  canceled: false,
  filePath: join(electron.app.getPath('documents'), 'changes.csv'),
};
const answers: { channel: string; answer: unknown }[] = [];
for (const { channel, args } of calls) {
  const answer = await electron.ipcRenderer.invoke(channel, ...(args === undefined ? [] : [args]));
  answers.push({ channel, answer });
}

// Quitting as Electron does: main holds the quit until its stores are closed, then quits again.
const quitsBefore = electron.app.quitCalls;
electron.app.emit('before-quit');
let held = false;
electron.app.emit('will-quit', { preventDefault: () => (held = true) });
await waitFor('the second quit', () =>
  electron.app.quitCalls === quitsBefore + 1 ? true : undefined,
);

process.send?.({
  channelsRegistered,
  logProblems: readFileSync(join(electron.app.getPath('logs'), 'main.log'), 'utf8')
    .split('\n')
    .filter((line) => /\[(warn|error)\]/.test(line)),
  channelsCalled: [...new Set(calls.map((call) => call.channel))].sort(),
  allChannels: [...INVOKE_CHANNELS].sort(),
  answers,
  tray: { ...trayAtStart, destroyedOnQuit: tray.destroyed },
  window: { loaded: window.loaded, preload: window.options.webPreferences?.['preload'] ?? null },
  page: { status: served?.status ?? null, hasScript: /<script[^>]+src=/.test(pageHtml) },
  forks: electron.utilityProcess.forks,
  quit: { held },
  userData: electron.app.getPath('userData'),
});
process.disconnect();
