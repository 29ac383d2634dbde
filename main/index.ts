/**
 * The one place that wires the app together: it decides when windows exist and leaves what they
 * are to `window.ts`. Later changes add the tray, IPC and sync here as `setupX(deps)` calls.
 */
import { app, BrowserWindow } from 'electron';
import { createMainWindow, revealWindow } from './window.ts';

// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another copy already runs and has been told (via 'second-instance') to show itself; two
  // copies would sync the same account and write the same stores at once.
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    if (mainWindow !== null) {
      revealWindow(mainWindow);
      return;
    }
    const { window, loaded } = createMainWindow();
    mainWindow = window;
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    loaded.catch((error: unknown) => {
      // The page ships inside the app, so failing to load it means a broken install (or, in
      // development, a dev server that is not running); there is nothing to show the user.
      console.error('Amoot Contact Sync could not load its window:', error);
      app.quit();
    });
  };

  app.on('second-instance', openMainWindow);

  // Until the tray exists, closing the last window ends the app — except on macOS, where apps
  // stay in the Dock and reopen their window on 'activate'.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(openMainWindow)
    .catch((error: unknown) => {
      console.error('Amoot Contact Sync could not start:', error);
      app.quit();
    });
}
