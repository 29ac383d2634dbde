/**
 * The one place that wires the app together (DESIGN.md, "Shape"): it builds the adapters only
 * Electron's main process can give (`ipcMain`, electron-store's class, electron-log's main
 * instance) and hands them to the setup functions in `main/desktop/`, which say what each part does.
 */
import { app, ipcMain, protocol } from 'electron';
import electronLog from 'electron-log/main';
import { ElectronStoreClass } from './adapters/conf-store/electron-store-class.ts';
import { registerAppScheme } from './desktop/window/app-protocol.ts';
import { closeElectronLogIpc } from './desktop/logging/app-logging.ts';
import { setupAppBase } from './desktop/lifecycle/app-base.ts';
import { startApp } from './desktop/lifecycle/start-app.ts';
import { claimSingleInstance } from './desktop/lifecycle/single-instance.ts';

// electron-log/main's import opened an IPC channel any frame could log through: closed at once.
closeElectronLogIpc(ipcMain);
// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();
// The page is served from app://, registered before the app is ready as Electron requires.
registerAppScheme(protocol);

const appBase = setupAppBase({
  electronLog,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
});

const isFirstCopy = claimSingleInstance(app, appBase.launch, {
  syncNow: () => appBase.whenRunning((running) => running.syncNow()),
  show: () => appBase.whenRunning((running) => running.show()),
});

if (!isFirstCopy) {
  // Another copy already runs and has been handed this launch's switches; two copies would sync
  // the same account and write the same stores at once.
  app.quit();
} else {
  app
    .whenReady()
    .then(() =>
      startApp(appBase, {
        ipcMain,
        Store: ElectronStoreClass,
        platform: process.platform,
      }),
    )
    .catch((error: unknown) => appBase.fail(error));
}
