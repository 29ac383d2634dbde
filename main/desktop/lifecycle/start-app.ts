/**
 * The app once Electron is ready: its services on the data folder, the state hub, IPC for the
 * window, the tray and notifications following the state, the settings' effects, the network
 * and power events, and at last the scheduler. Every piece that must be stopped on quit is
 * handed to the app base's shutdown, which unwinds newest first, so the services close last of all.
 */
import {
  app,
  clipboard,
  dialog,
  Menu,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  shell,
  utilityProcess,
} from 'electron';
import { formatMessage, type MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import type { ConfConstructor } from '../../adapters/conf-store/conf-document.ts';
import { serveAppProtocol } from '../window/app-protocol.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { manualRedirectFetch } from '../../compose/manual-redirect-fetch.ts';
import { registerHandlers, type IpcMainLike } from '../ipc/ipc-main.ts';
import { sendEvent } from '../ipc/send-event.ts';
import { appPageMatcher, createSenderCheck } from '../ipc/trusted-sender.ts';
import { installAppMenu } from '../window/app-menu.ts';
import { watchConnectivity } from './connectivity.ts';
import { applyLoginItem, shouldStartHidden, wasOpenedAtLogin } from './login-item.ts';
import { setupNotifications } from '../notifications/notifications.ts';
import { trayResourcesDir } from '../tray/tray-icons.ts';
import { utilityProcessLauncher } from '../../sync-worker/launch-utility-process.ts';
import { setupTray } from '../tray/tray.ts';
import { describeError } from '../../core/describe-error.ts';
import type { AppBase } from './app-base.ts';
import { createAppStateHub } from '../services/app-state-hub.ts';
import { createClipboardGate } from '../ipc/clipboard-gate.ts';
import { confirmWithDialog } from '../ipc/confirm-dialog.ts';
import { devKeytar } from './dev-copy.ts';
import { createIpcHandlers } from '../ipc/ipc-handlers.ts';
import { forwardRendererEvents } from '../ipc/renderer-events.ts';
import { loopbackHttpAllowed } from '../ipc/guarded-settings.ts';
import { openServices } from '../services/services.ts';
import { setupSettingsEffects } from '../services/settings-effects.ts';
import { createTrayActions } from '../tray/tray-actions.ts';

export interface StartAppDeps {
  /** Electron's `ipcMain`, which only `main/index.ts` may import. */
  readonly ipcMain: IpcMainLike;
  /** electron-store's class, for the settings and history files. */
  readonly Store: ConfConstructor;
  readonly platform: NodeJS.Platform;
}

export async function startApp(appBase: AppBase, deps: StartAppDeps): Promise<void> {
  const { log, windows, language, launch, shutdown } = appBase;
  const { platform } = deps;
  const reportError = (error: unknown): void => log.error(describeError(error));
  const t = (key: MessageKey, params?: MessageParams) =>
    formatMessage(language.current(), key, params);
  const installMenu = (): void => installAppMenu(Menu, platform, t, app.getName());

  if (appBase.sources.renderer.kind === 'app') {
    serveAppProtocol(protocol, appBase.sources.renderer.folder, log);
  }
  installMenu();

  const services = await openServices({
    dataDir: app.getPath('userData'),
    Store: deps.Store,
    fetch: manualRedirectFetch(net),
    safeStorage,
    platform,
    appVersion: app.getVersion(),
    demo: appBase.demo,
    allowLoopbackHttp: loopbackHttpAllowed(app.isPackaged, appBase.demo),
    isOnline: () => net.isOnline(),
    secrets: appBase.secrets,
    log,
    ...(app.isPackaged ? {} : { keytar: { load: devKeytar() } }),
    // Syncs and exports run in a utility process, so main never stalls on a large account.
    launchWorker: utilityProcessLauncher(utilityProcess, {
      mainDir: import.meta.dirname,
      onStderr: (line) => log.warn(`sync process stderr: ${line}`),
    }),
  });
  // From here on the services hold the data folder: whatever happens, quitting closes them.
  shutdown.add(() => services.close());
  const { settings, scheduler, tokens } = services;
  language.follow(() => settings.get().language);
  installMenu();

  const hub = createAppStateHub({
    scheduler,
    engineRunning: () => services.engine.isRunning(),
    history: services.history,
    tokens,
    progress: services.progress,
    runFinished: services.runFinished,
    recoveries: services.recoveries,
    // Not read yet (see below): assumed saved, as it is at every start but the first, so the
    // window opens on the user's updates rather than on the first-run token screen.
    initialToken: {
      present: true,
      backend: services.secretStore.store.backend,
      persistent: services.secretStore.store.persistent,
    },
    initialOnline: net.isOnline(),
    onError: reportError,
  });
  const openLogsFolder = () => shell.openPath(appBase.logsFolder());
  const clipboardGate = createClipboardGate({
    clipboard,
    now: () => systemClock.monotonicMs(),
    // The window and its page: not a DevTools pane or another window of the system.
    windowFocused: () =>
      windows.window()?.isFocused() === true && windows.contents()?.isFocused() === true,
    log: (line) => log.info(line),
  });
  const stopInput = windows.onInput((input) => clipboardGate.input(input));
  const removeHandlers = registerHandlers(
    deps.ipcMain,
    createIpcHandlers({
      services,
      hub,
      exportDeps: {
        showSaveDialog: (request) => {
          const parent = windows.window();
          return parent === null
            ? dialog.showSaveDialog(request)
            : dialog.showSaveDialog(parent, request);
        },
        writeCsv: services.writeCsv,
        folder: () => app.getPath('documents'),
        language: () => language.current(),
        now: Date.now,
        log,
      },
      openPath: (path) => shell.openPath(path),
      logsFolder: appBase.logsFolder,
      clipboard: clipboardGate,
      clock: systemClock,
      confirm: confirmWithDialog(
        (options) => {
          const parent = windows.window();
          const box = { ...options, buttons: [...options.buttons] };
          return parent === null ? dialog.showMessageBox(box) : dialog.showMessageBox(parent, box);
        },
        () => language.current(),
        reportError,
      ),
      log,
    }),
    createSenderCheck({
      mainContents: () => windows.contents(),
      isAppPage: appPageMatcher(appBase.sources.renderer),
    }),
    { log: (line) => log.warn(line) },
  );
  const stopEvents = forwardRendererEvents({
    target: () => windows.contents(),
    state: hub,
    progress: services.progress,
    runFinished: services.runFinished,
    log: (line) => log.warn(line),
  });

  const tray = setupTray({
    resourcesDir: trayResourcesDir({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
    platform,
    language: () => language.current(),
    // The taskbar follows the system theme, which may differ from the apps' theme on Windows.
    isDarkTaskbar: () =>
      platform === 'linux'
        ? nativeTheme.shouldUseDarkColors
        : nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
    getState: () => hub.state(),
    onStateChange: (listener) => hub.subscribe(listener),
    actions: createTrayActions({
      openWindow: () => windows.open(),
      scheduler,
      settings,
      openLogsFolder,
      quit: () => app.quit(),
    }),
    onError: reportError,
  });
  const notifications = setupNotifications({
    language: () => language.current(),
    level: () => settings.get().notifications,
    getState: () => hub.state(),
    onStateChange: (listener) => hub.subscribe(listener),
    // Once the page is there, it is told which screen the notification points at.
    open: (screen) =>
      void windows
        .open()
        .then((contents) =>
          sendEvent(contents, 'ui.navigate', { screen }, (line) => log.warn(line)),
        ),
    onError: reportError,
  });
  const stopTokenNotices = tokens.onChange(() => notifications.tokenChanged());
  const stopEffects = setupSettingsEffects({
    settings,
    applyLoginItem: (preferences) => applyLoginItem(app, platform, preferences),
    relabel: () => {
      tray.refresh();
      installMenu();
    },
    applyTheme: (theme) => {
      nativeTheme.themeSource = theme;
    },
    log,
  });
  const refreshTray = (): void => tray.refresh();
  nativeTheme.on('updated', refreshTray);
  const connectivity = watchConnectivity(powerMonitor, net, {
    onSuspend: () => log.info('the computer is going to sleep'),
    onResume: () => scheduler.resumedFromSleep(),
    onOnline: () => {
      hub.setOnline(true);
      scheduler.wentOnline();
    },
    onOffline: () => {
      hub.setOnline(false);
      scheduler.wentOffline();
    },
  });
  // macOS: a click on the Dock icon while the window is closed brings it back.
  app.on('activate', () => windows.open());

  shutdown.add(() => {
    connectivity.stop();
    nativeTheme.removeListener('updated', refreshTray);
    stopEffects();
    stopTokenNotices();
    notifications.destroy();
    tray.destroy();
    stopEvents();
    stopInput();
    removeHandlers();
    hub.dispose();
  });

  const hidden = shouldStartHidden(
    launch,
    wasOpenedAtLogin(app, platform),
    settings.get().startHidden,
  );
  if (!hidden) windows.open();
  // Only now, with the tray and the window up: reading the keychain may make the OS ask the user
  // for permission (macOS does for a new build), and that question must never come with nothing
  // of the app on screen. The state follows the answer whenever it comes.
  void hub.refreshToken();
  scheduler.start();
  // A start-up sync is already on its way unless paused or blocked; `--sync-now` means "even then".
  const started = scheduler.state();
  if (launch.syncNow && (started.paused || started.blocked !== null)) {
    void scheduler.requestSync('tray');
  }
  appBase.running({
    syncNow: () => void scheduler.requestSync('tray'),
    show: () => windows.open(),
  });
  log.info(
    `started (${hidden ? 'hidden' : 'window open'}; token store ${services.secretStore.store.backend})`,
  );
}
