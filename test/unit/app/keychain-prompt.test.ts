/**
 * Reading the token can wait on the user: macOS asks whether a new build of the app may read its
 * keychain entry, and nothing answers until the user clicks. The tray and the window must be up
 * before that question, and the state must follow the answer when it comes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

beforeEach(() => {
  vi.resetModules();
  resetFakeElectron();
  fakeKeytar.reset();
});
afterEach(async () => {
  await quitAll();
  vi.restoreAllMocks();
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
