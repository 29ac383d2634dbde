/**
 * Who the app is to Windows. Notifications and taskbar grouping go by the AppUserModelID, and the
 * Start-menu shortcut the NSIS installer creates carries electron-builder's `appId`; unless the
 * running app claims the very same ID, Windows shows its notifications under "electron.app…" or
 * drops them.
 */
export const APP_USER_MODEL_ID = 'com.amootsms.contactsync';

/** The part of Electron's `app` this needs. */
export interface IdentityApp {
  setAppUserModelId(id: string): void;
}

/** Call before the first notification (early in start-up); does nothing off Windows. */
export function applyAppIdentity(app: IdentityApp, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}
