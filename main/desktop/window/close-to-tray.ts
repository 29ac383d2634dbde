/**
 * Closing the window does not quit: the app keeps syncing from the tray. The window is really
 * closed, not hidden, so its renderer (and the memory a page of a million contacts can hold) is
 * freed; opening the app again creates a new one. The first time, the user is told where the app
 * went; whether that has happened is the caller's to store.
 */

/** The part of Electron's `app` this needs. */
export interface CloseToTrayApp {
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
}

/** The part of a BrowserWindow this needs. */
export interface WatchedWindow {
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'session-end', listener: () => void): unknown;
}

export interface CloseToTrayDeps {
  /** Whether the "still running in the tray" notice was ever shown (persisted by the caller). */
  readonly noticeShown: () => boolean;
  /**
   * The user closed the window and the app runs on. `showNotice` is true until the caller
   * records that the notice was shown: the caller shows it then, and persists that it did.
   */
  readonly onClosedToTray: (showNotice: boolean) => void;
}

export interface CloseToTray {
  /** Follows one window; call for every main window created. */
  watch(window: WatchedWindow): void;
  /** True once the app is quitting: the tray's Quit, ⌘Q, or the session ending. */
  isQuitting(): boolean;
}

/**
 * Keeps the app alive when its last window closes (a 'window-all-closed' listener replaces
 * Electron's quit), and reports closes made by the user. A window closed because the app quits,
 * or because Windows ends the session (which emits no 'before-quit'), is not reported.
 */
export function setupCloseToTray(app: CloseToTrayApp, deps: CloseToTrayDeps): CloseToTray {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // Present on purpose: without a listener Electron quits when the last window closes.
  });
  return {
    watch(window) {
      window.on('session-end', () => {
        quitting = true;
      });
      window.on('closed', () => {
        if (!quitting) deps.onClosedToTray(!deps.noticeShown());
      });
    },
    isQuitting: () => quitting,
  };
}
