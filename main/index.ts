/**
 * The one place that wires the app together: it decides when windows exist and leaves what they
 * are to `window.ts`. Later changes add the tray, IPC and sync here as `setupX(deps)` calls.
 */
import { app, BrowserWindow, protocol } from 'electron';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { createMainWindow, defaultWindowSources, revealWindow } from './window.ts';

// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();
// The page is served from app://, registered before the app is ready as Electron requires.
registerAppScheme(protocol);
const sources = defaultWindowSources();
const log = {
  info: (line: string) => console.info(line),
  warn: (line: string) => console.warn(line),
  error: (line: string) => console.error(line),
};

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
    const { window, loaded } = createMainWindow(sources);
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
    .then(() => {
      if (sources.renderer.kind === 'app') serveAppProtocol(protocol, sources.renderer.folder, log);
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Amoot Contact Sync could not start:', error);
      app.quit();
    });
}
