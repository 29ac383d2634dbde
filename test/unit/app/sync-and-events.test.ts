import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import { MANUAL_SYNC_COOLDOWN_MS } from '../../../main/core/scheduler/manual-sync-limit.ts';
import { forkNodeWorker } from '../../../main/sync-worker/launch-node-process.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { FakeNotification } from '../shell/fake-electron.ts';
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
const SYNC_TOKEN = 'app-sync-token-0a9f44e1';
const REFUSED_TOKEN = 'app-sync-refused-token-77c2';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 60, seed: 3, tokens: { [SYNC_TOKEN]: 'valid' } });
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

/** An app already set up for the simulator, with its first (baseline) sync done. */
async function syncedApp(): Promise<BootedApp> {
  const app = await boot(fakeElectron);
  await app.api.settings.set({ baseUrl: simulator.baseUrl });
  expect(await app.api.token.set({ token: SYNC_TOKEN, test: true })).toEqual({ ok: true });
  expect(await app.api.sync.now()).toEqual({ ok: true });
  return app;
}

const statesSent = (app: BootedApp): AppState[] =>
  app
    .events()
    .filter((event) => event.channel === 'state.changed')
    .map((event) => event.payload as AppState);

describe('a sync started from the window', () => {
  it('shows in the state and tells the window, which hears of new changes', async () => {
    const app = await syncedApp();
    const heard: string[] = [];
    app.api.on('updates.changed', ({ runId }) => heard.push(runId));
    const sentBefore = app.events().length;

    simulator.update(4);
    await app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    expect(await app.api.sync.now()).toEqual({ ok: true });

    const state = await app.api.state.get();
    expect(state).toMatchObject({ syncing: false, blocked: null, token: { present: true } });
    // Every sync ran in a utility process of its own, started with the cli's V8 settings.
    const forks = fakeElectron.utilityProcess.forks;
    expect(forks.length).toBeGreaterThanOrEqual(2);
    for (const fork of forks) {
      expect(fork.modulePath).toMatch(/sync-worker\.js$/);
      expect(fork.execArgv).toEqual(['--max-semi-space-size=4', '--expose-gc']);
    }
    expect(state.lastRun).toMatchObject({
      trigger: 'manual',
      outcome: 'success',
      committed: true,
      counts: { updated: 4 },
    });
    expect(state.nextRunAtMs).toBeGreaterThan(Date.now());

    const events = app.events().slice(sentBefore);
    const channels = events.map((event) => event.channel);
    expect(channels).toContain('sync.progress');
    const states = events
      .filter((event) => event.channel === 'state.changed')
      .map((event) => event.payload as AppState);
    expect(states.some((sent) => sent.syncing)).toBe(true);
    expect(states.at(-1)).toEqual(state);
    // The change log moved only after the run's state went out: the window reloads its page then.
    expect(heard).toEqual([state.lastRun?.id]);
    expect(channels.lastIndexOf('updates.changed')).toBeGreaterThan(
      channels.indexOf('state.changed'),
    );
    expect(await app.api.updates.page({ order: 'server-time', limit: 10 })).toMatchObject({
      totalsByKind: { updated: 4 },
    });
  });

  it('reports a refused token as the failure it is, and the tray and notification say so', async () => {
    const app = await syncedApp();
    simulator.setToken(SYNC_TOKEN, 'Token_Expired');
    await app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    try {
      expect(await app.api.sync.now()).toEqual({ ok: false, errorKind: 'auth' });
      const state = await app.api.state.get();
      expect(state.lastRun).toMatchObject({ outcome: 'failed', errorKind: 'auth' });
      // Automatic syncs stop until the token changes; the store was left as it was.
      expect(state.blocked).toBe('auth');
      expect(app.tray.toolTip).toContain('Token rejected');
      const notice = FakeNotification.created.find((n) => n.shown);
      expect(notice).toBeDefined();
      // Clicking it opens the window on the token settings, where the user can fix it.
      const screens: string[] = [];
      app.api.on('ui.navigate', ({ screen }) => screens.push(screen));
      notice?.click();
      await vi.waitFor(() => expect(screens).toEqual(['settings-token']));
    } finally {
      simulator.setToken(SYNC_TOKEN, 'valid');
    }
    // Saving a token (the renewed one) lifts the block: automatic syncs may try it again.
    expect(await app.api.token.set({ token: SYNC_TOKEN, test: true })).toEqual({ ok: true });
    expect((await app.api.state.get()).blocked).toBeNull();
  });
});

describe('the token', () => {
  it('never reaches the window, in any answer or event', async () => {
    const app = await syncedApp();
    await app.api.token.set({ token: REFUSED_TOKEN, test: true });
    await app.api.token.set({ token: ` ${SYNC_TOKEN} `, test: false });
    await app.api.token.test();
    await app.api.token.status();
    simulator.update(2);
    await app.passTime(MANUAL_SYNC_COOLDOWN_MS);
    await app.api.sync.now();
    await app.api.history.page({ limit: 100 });
    await app.api.state.get();

    const seen = JSON.stringify([app.responses, app.events()]);
    expect(app.responses.length).toBeGreaterThan(8);
    expect(app.events().length).toBeGreaterThan(3);
    for (const token of [SYNC_TOKEN, REFUSED_TOKEN]) expect(seen).not.toContain(token);

    // Nor the log, which names the runs and the calls.
    const logs = fakeElectron.app.getPath('logs');
    const text = readdirSync(logs)
      .map((name) => readFileSync(join(logs, name), 'utf8'))
      .join('\n');
    expect(text).toMatch(/sync|token/);
    for (const token of [SYNC_TOKEN, REFUSED_TOKEN]) expect(text).not.toContain(token);
  });
});

describe('syncing from outside the window', () => {
  it('syncs when the app is started again with --sync-now, and only shows it otherwise', async () => {
    const app = await syncedApp();
    const runs = (await app.api.history.page({ limit: 100 })).total;
    fakeElectron.app.emit('second-instance', {}, [], '/', { syncNow: true, hidden: false });
    await vi.waitFor(async () => {
      const { runs: latest } = await app.api.history.page({ limit: 1 });
      expect(latest[0]).toMatchObject({ trigger: 'tray', outcome: 'success' });
    }, SYNC_PROCESS_WAIT);
    expect((await app.api.history.page({ limit: 100 })).total).toBe(runs + 1);
  });

  it('syncs from the tray menu and pauses until resumed', async () => {
    const app = await syncedApp();
    const menu = () => app.tray.contextMenu!;
    menu().find('Pause').submenu!.find('Until I resume').click();
    expect((await app.api.state.get()).paused).toEqual({ untilResumed: true });
    expect(statesSent(app).at(-1)?.paused).toEqual({ untilResumed: true });
    menu().find('Sync now').click();
    await vi.waitFor(async () => {
      expect((await app.api.history.page({ limit: 1 })).runs[0]).toMatchObject({
        trigger: 'tray',
        outcome: 'success',
      });
    }, SYNC_PROCESS_WAIT);
    menu().find('Resume').click();
    expect((await app.api.state.get()).paused).toBeNull();
  });
});

describe("the sync process's stderr", () => {
  // Remembers the token main hands the process and, when main ends the process after its run,
  // writes it to stderr in two chunks, as a crash trace naming a request would.
  const lateWriter = pathToFileURL(
    join(import.meta.dirname, '../../support/late-stderr-writer.mjs'),
  );

  it('is logged in whole lines, the token redacted even after the run finished', async () => {
    fakeElectron.utilityProcess.launcher = (request) =>
      forkNodeWorker([...request.execArgv, '--import', lateWriter.href]);
    await syncedApp();

    const log = (): string =>
      readFileSync(join(fakeElectron.app.getPath('logs'), 'main.log'), 'utf8');
    await vi.waitFor(() => expect(log()).toContain('late crash trace'), SYNC_PROCESS_WAIT);
    await vi.waitFor(() => expect(log()).toContain(' failed\n'), SYNC_PROCESS_WAIT);
    expect(log()).toContain(
      'sync process stderr: late crash trace: request with [redacted] failed',
    );
    expect(log()).not.toContain(SYNC_TOKEN.slice(0, 8));
  });
});
