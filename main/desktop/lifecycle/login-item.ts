/**
 * Starting with the user's session, and starting hidden. The two platforms tell a login launch
 * differently: Windows runs the command line stored in the registry, so the login item carries
 * `--hidden` exactly when the user wants a hidden start; macOS passes no arguments to login items
 * (and `openAsHidden` is deprecated), but reports `wasOpenedAtLogin`. Linux has no login items in
 * Electron; there the desktop environment's autostart is the user's to set up.
 */
import { APP_USER_MODEL_ID } from './app-identity.ts';
import { HIDDEN_SWITCH, type LaunchArgs } from './launch-args.ts';

/** The part of Electron's `app` this needs. */
export interface LoginItemApp {
  readonly isPackaged: boolean;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[]; name?: string }): void;
  getLoginItemSettings(options?: { args?: string[] }): {
    openAtLogin: boolean;
    wasOpenedAtLogin?: boolean;
    status?: string;
    executableWillLaunchAtLogin?: boolean;
  };
}

export interface LoginItemPreferences {
  readonly startAtLogin: boolean;
  readonly startHidden: boolean;
}

/** What the OS reports after the change, for the settings page to show. */
export type LoginItemResult =
  | { readonly applied: false; readonly reason: 'unsupported-platform' | 'not-packaged' }
  | { readonly applied: true; readonly enabled: boolean; readonly requiresApproval: boolean };

/** The arguments of the Windows login item: `--hidden` only when the user wants a hidden start. */
export function loginItemArgs(startHidden: boolean): string[] {
  return startHidden ? [HIDDEN_SWITCH] : [];
}

/**
 * Registers or removes the login item; call at start-up and whenever either setting changes (on
 * Windows the arguments follow `startHidden`). A development run is left alone: it would register
 * the bare Electron binary, which at the next login opens Electron's default app.
 */
export function applyLoginItem(
  app: LoginItemApp,
  platform: NodeJS.Platform,
  preferences: LoginItemPreferences,
): LoginItemResult {
  if (platform !== 'win32' && platform !== 'darwin') {
    return { applied: false, reason: 'unsupported-platform' };
  }
  if (!app.isPackaged) return { applied: false, reason: 'not-packaged' };
  if (platform === 'win32') {
    const args = loginItemArgs(preferences.startHidden);
    // The registry value's name, spelled out (Electron's default is the same AppUserModelID):
    // build/installer.nsh deletes the value by this name when the app is uninstalled.
    app.setLoginItemSettings({
      openAtLogin: preferences.startAtLogin,
      args,
      name: APP_USER_MODEL_ID,
    });
    const state = app.getLoginItemSettings({ args });
    // The user can switch the entry off in Task Manager; it is then registered but will not run.
    const enabled = state.openAtLogin && state.executableWillLaunchAtLogin !== false;
    return { applied: true, enabled, requiresApproval: false };
  }
  app.setLoginItemSettings({ openAtLogin: preferences.startAtLogin });
  const state = app.getLoginItemSettings();
  return {
    applied: true,
    enabled: state.openAtLogin,
    // macOS 13+ may hold a new login item until the user allows it in System Settings.
    requiresApproval: state.status === 'requires-approval',
  };
}

/** Whether macOS started this copy as a login item; elsewhere the switches say all there is. */
export function wasOpenedAtLogin(app: LoginItemApp, platform: NodeJS.Platform): boolean {
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/**
 * Whether to start in the tray without opening the window: asked for on the command line (which
 * is how a Windows login launch with `startHidden` arrives), or a macOS login launch while the
 * user wants a hidden start.
 */
export function shouldStartHidden(
  launch: LaunchArgs,
  openedAtLogin: boolean,
  startHidden: boolean,
): boolean {
  return launch.hidden || (openedAtLogin && startHidden);
}
