import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupCloseToTray } from '../../../main/desktop/window/close-to-tray.ts';
import { FakeApp, FakeBrowserWindow } from '../shell/fake-electron.ts';

let app: FakeApp;
/** What the caller persists: whether the notice was shown. */
let noticeShown: boolean;
let closes: boolean[];

beforeEach(() => {
  app = new FakeApp();
  noticeShown = false;
  closes = [];
});

function setup() {
  return setupCloseToTray(app, {
    noticeShown: () => noticeShown,
    onClosedToTray: (showNotice) => {
      closes.push(showNotice);
      // The caller shows the notice and remembers that it did.
      if (showNotice) noticeShown = true;
    },
  });
}

function newWindow(closeToTray: ReturnType<typeof setup>): FakeBrowserWindow {
  const window = new FakeBrowserWindow({});
  closeToTray.watch(window);
  return window;
}

describe('setupCloseToTray', () => {
  it('keeps the app running when its last window closes', () => {
    setup();
    const quit = vi.spyOn(app, 'quit');
    expect(app.listenerCount('window-all-closed')).toBe(1);
    app.emit('window-all-closed');
    expect(quit).not.toHaveBeenCalled();
  });

  it('asks for the notice on the first close only, across re-created windows', () => {
    const closeToTray = setup();
    newWindow(closeToTray).close();
    newWindow(closeToTray).close();
    expect(closes).toEqual([true, false]);
  });

  it('asks again after a restart only if the notice was never recorded as shown', () => {
    noticeShown = true;
    newWindow(setup()).close();
    expect(closes).toEqual([false]);
  });

  it('says nothing when the window closes because the app quits', () => {
    const closeToTray = setup();
    const window = newWindow(closeToTray);
    expect(closeToTray.isQuitting()).toBe(false);
    app.emit('before-quit', {});
    window.close();
    expect(closes).toEqual([]);
    expect(closeToTray.isQuitting()).toBe(true);
  });

  it('says nothing when Windows ends the session (no before-quit then)', () => {
    const closeToTray = setup();
    const window = newWindow(closeToTray);
    window.emit('session-end', {});
    window.close();
    expect(closes).toEqual([]);
    expect(closeToTray.isQuitting()).toBe(true);
  });
});
