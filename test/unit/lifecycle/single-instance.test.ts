import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../main/desktop/lifecycle/single-instance.ts';
import { FakeApp } from '../shell/fake-electron.ts';

let app: FakeApp;
const handlers = { syncNow: vi.fn(), show: vi.fn() };

beforeEach(() => {
  app = new FakeApp();
  handlers.syncNow.mockReset();
  handlers.show.mockReset();
});

/** Another launch of the app, as Electron reports it to the copy that holds the lock. */
function secondLaunch(argv: string[], data: unknown = undefined): void {
  app.emit('second-instance', {}, argv, '/home/user', data);
}

describe('claimSingleInstance', () => {
  it('tells the caller to quit when another copy holds the lock, and listens for nothing', () => {
    app.hasSingleInstanceLock = false;
    expect(claimSingleInstance(app, { syncNow: true, hidden: false }, handlers)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it("sends this launch's switches to the running copy with the lock request", () => {
    const request = vi.spyOn(app, 'requestSingleInstanceLock');
    claimSingleInstance(app, { syncNow: true, hidden: false }, handlers);
    expect(request).toHaveBeenCalledExactlyOnceWith({ syncNow: true, hidden: false });
  });

  it('syncs when started again with --sync-now, without popping up the window', () => {
    expect(claimSingleInstance(app, { syncNow: false, hidden: false }, handlers)).toBe(true);
    secondLaunch(['app.exe', '--sync-now'], { syncNow: true, hidden: false });
    expect(handlers.syncNow).toHaveBeenCalledOnce();
    expect(handlers.show).not.toHaveBeenCalled();
  });

  it('shows the window when started again without switches', () => {
    claimSingleInstance(app, { syncNow: false, hidden: false }, handlers);
    secondLaunch(['app.exe'], { syncNow: false, hidden: false });
    expect(handlers.show).toHaveBeenCalledOnce();
    expect(handlers.syncNow).not.toHaveBeenCalled();
  });

  it('stays out of sight when the login item starts a copy that already runs', () => {
    claimSingleInstance(app, { syncNow: false, hidden: false }, handlers);
    secondLaunch(['app.exe', '--hidden'], { syncNow: false, hidden: true });
    expect(handlers.show).not.toHaveBeenCalled();
    expect(handlers.syncNow).not.toHaveBeenCalled();
  });

  it('trusts the data sent over a reordered argv, and falls back to argv without it', () => {
    claimSingleInstance(app, { syncNow: false, hidden: false }, handlers);
    // Chromium appended its own switch and the data says "plain launch": show.
    secondLaunch(['app.exe', '--sync-now'], { syncNow: false, hidden: false });
    expect(handlers.show).toHaveBeenCalledOnce();
    // An older copy (or another user) sent no usable data: argv decides.
    secondLaunch(['app.exe', '--sync-now'], null);
    expect(handlers.syncNow).toHaveBeenCalledOnce();
  });
});
