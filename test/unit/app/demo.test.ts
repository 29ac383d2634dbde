import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
const DEMO_TOKEN = 'app-demo-token-61f0c3aa';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ contacts: 25, seed: 11, tokens: { [DEMO_TOKEN]: 'valid' } });
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

const demoEnv = () => ({ AMOOT_BASE_URL: simulator.baseUrl, AMOOT_DEMO_TOKEN: DEMO_TOKEN });

describe('npm run demo', () => {
  it('syncs the simulator at once, with the token in memory and data of its own', async () => {
    const app = await boot(fakeElectron, { env: demoEnv() });
    await vi.waitFor(async () => {
      expect((await app.api.state.get()).lastRun).toMatchObject({
        trigger: 'startup',
        outcome: 'baseline',
        counts: { received: 25 },
      });
    }, SYNC_PROCESS_WAIT);
    expect(basename(app.userData)).toBe('Amoot Contact Sync Demo');
    expect(existsSync(join(app.userData, 'mirror.sqlite'))).toBe(true);
    expect(await app.api.settings.get()).toMatchObject({ baseUrl: simulator.baseUrl });
    expect(await app.api.token.status()).toEqual({
      present: true,
      backend: 'memory',
      persistent: false,
    });
    // The keychain, where the real token lives, was neither read for the demo nor written.
    expect(fakeKeytar.entries.size).toBe(0);
    expect(fakeElectron.net.fetched.every((url) => url.startsWith(simulator.baseUrl))).toBe(true);

    simulator.update(5);
    expect(await app.api.sync.now()).toEqual({ ok: true });
    expect((await app.api.state.get()).lastRun?.counts?.updated).toBe(5);
  });

  it('is ignored by a packaged app', async () => {
    fakeElectron.app.isPackaged = true;
    Object.defineProperty(process, 'resourcesPath', {
      value: '/app/resources',
      configurable: true,
    });
    const app = await boot(fakeElectron, { env: demoEnv() }).finally(() => {
      Reflect.deleteProperty(process, 'resourcesPath');
    });
    expect(basename(app.userData)).toBe('userData');
    expect(await app.api.settings.get()).toMatchObject({
      baseUrl: 'https://portal.amootsms.com/rest',
    });
    expect((await app.api.token.status()).present).toBe(false);
  });
});
