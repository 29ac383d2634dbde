import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_USER_MODEL_ID,
  applyAppIdentity,
} from '../../../main/desktop/lifecycle/app-identity.ts';
import {
  applyLoginItem,
  loginItemArgs,
  shouldStartHidden,
  wasOpenedAtLogin,
} from '../../../main/desktop/lifecycle/login-item.ts';
import { FakeApp } from '../shell/fake-electron.ts';

let app: FakeApp;

beforeEach(() => {
  app = new FakeApp();
  app.isPackaged = true;
});

describe('applyLoginItem', () => {
  it('registers a Windows login item that starts hidden only when the user wants that', () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    expect(applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: true })).toEqual({
      applied: true,
      enabled: true,
      requiresApproval: false,
    });
    expect(set).toHaveBeenLastCalledWith({
      openAtLogin: true,
      args: ['--hidden'],
      name: 'com.amootsms.contactsync',
    });

    applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: false });
    expect(set).toHaveBeenLastCalledWith({
      openAtLogin: true,
      args: [],
      name: 'com.amootsms.contactsync',
    });
  });

  it('removes the login item when the user switches it off', () => {
    applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: true });
    expect(applyLoginItem(app, 'win32', { startAtLogin: false, startHidden: true })).toMatchObject({
      applied: true,
      enabled: false,
    });
    expect(app.loginItem.openAtLogin).toBe(false);
  });

  it('reports a Windows entry the user disabled in Task Manager as not enabled', () => {
    vi.spyOn(app, 'getLoginItemSettings').mockReturnValue({
      openAtLogin: true,
      wasOpenedAtLogin: false,
      status: 'enabled',
      executableWillLaunchAtLogin: false,
    } as ReturnType<FakeApp['getLoginItemSettings']>);
    expect(applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: false })).toMatchObject({
      enabled: false,
    });
  });

  it('passes no arguments on macOS and reports a login item awaiting approval', () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    vi.spyOn(app, 'getLoginItemSettings').mockReturnValue({
      openAtLogin: true,
      wasOpenedAtLogin: false,
      status: 'requires-approval',
    });
    expect(applyLoginItem(app, 'darwin', { startAtLogin: true, startHidden: true })).toEqual({
      applied: true,
      enabled: true,
      requiresApproval: true,
    });
    expect(set).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true });
  });

  it('leaves Linux and development runs alone', () => {
    const set = vi.spyOn(app, 'setLoginItemSettings');
    expect(applyLoginItem(app, 'linux', { startAtLogin: true, startHidden: false })).toEqual({
      applied: false,
      reason: 'unsupported-platform',
    });
    app.isPackaged = false;
    expect(applyLoginItem(app, 'win32', { startAtLogin: true, startHidden: false })).toEqual({
      applied: false,
      reason: 'not-packaged',
    });
    expect(set).not.toHaveBeenCalled();
  });

  it('uses the same switch the launch parser looks for', () => {
    expect(loginItemArgs(true)).toEqual(['--hidden']);
    expect(loginItemArgs(false)).toEqual([]);
  });
});

describe('starting hidden', () => {
  it('knows a macOS login launch from wasOpenedAtLogin, and never claims one elsewhere', () => {
    app.wasOpenedAtLogin = true;
    expect(wasOpenedAtLogin(app, 'darwin')).toBe(true);
    expect(wasOpenedAtLogin(app, 'win32')).toBe(false);
    app.wasOpenedAtLogin = false;
    expect(wasOpenedAtLogin(app, 'darwin')).toBe(false);
  });

  it.each([
    [{ syncNow: false, hidden: true }, false, false, true],
    [{ syncNow: false, hidden: false }, true, true, true],
    [{ syncNow: false, hidden: false }, true, false, false],
    [{ syncNow: false, hidden: false }, false, true, false],
    [{ syncNow: true, hidden: false }, false, false, false],
  ])(
    'launch %j, at login %s, startHidden %s: hidden %s',
    (launch, atLogin, startHidden, hidden) => {
      expect(shouldStartHidden(launch, atLogin, startHidden)).toBe(hidden);
    },
  );
});

describe('applyAppIdentity', () => {
  it('claims the installer shortcut’s AppUserModelID on Windows only', () => {
    applyAppIdentity(app, 'darwin');
    expect(app.appUserModelId).toBeNull();
    applyAppIdentity(app, 'win32');
    expect(app.appUserModelId).toBe(APP_USER_MODEL_ID);
  });

  it("matches electron-builder's appId, which the NSIS shortcut carries", () => {
    const require = createRequire(import.meta.url);
    const { load } = require('js-yaml') as { load(text: string): unknown };
    const config = load(
      readFileSync(join(import.meta.dirname, '../../../electron-builder.yml'), 'utf8'),
    ) as { appId: string };
    expect(APP_USER_MODEL_ID).toBe(config.appId);
  });
});
