/**
 * What the sync process writes to stderr reaches the log in whole lines and with the token
 * removed, even when the process writes it in pieces after its run has finished (main has moved
 * on, but the process has not exited yet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forkNodeWorker } from '../../../main/sync-worker/launch-node-process.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import { boot, quitAll, SYNC_PROCESS_WAIT } from './boot.ts';

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
const TOKEN = 'late-stderr-token-6b1d93e0';
const LATE_WRITER = pathToFileURL(
  join(import.meta.dirname, '../../support/late-stderr-writer.mjs'),
);

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 10, seed: 5, tokens: { [TOKEN]: 'valid' } });
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

describe("the sync process's stderr", () => {
  it('is logged in whole lines, the token redacted even after the run finished', async () => {
    fakeElectron.utilityProcess.launcher = (request) =>
      forkNodeWorker([...request.execArgv, '--import', LATE_WRITER.href]);
    const app = await boot(fakeElectron);
    await app.api.settings.set({ baseUrl: simulator.baseUrl });
    expect(await app.api.token.set({ token: TOKEN, test: true })).toEqual({ ok: true });
    expect(await app.api.sync.now()).toEqual({ ok: true });

    const log = (): string =>
      readFileSync(join(fakeElectron.app.getPath('logs'), 'main.log'), 'utf8');
    await vi.waitFor(() => expect(log()).toContain(' failed'), SYNC_PROCESS_WAIT);
    expect(log()).toContain(
      'sync process stderr: late crash trace: request with [redacted] failed',
    );
    expect(log()).not.toContain(TOKEN.slice(0, 8));
  });
});
