/**
 * Everything that must be in place before Electron is ready: this launch's switches, demo mode
 * or a copy run from the sources (each moves the data folder, and with it the single-instance lock), the Windows identity, the
 * log, the window host with close-to-tray, and clean quitting. What needs a ready app (stores,
 * tray, IPC) waits in `start-app.ts` and is handed over through `running`.
 */
import { app, dialog, Notification, shell as electronShell } from 'electron';
import type { NodeLogger } from 'electron-log';
import { formatMessage } from '../../../common/i18n/format-message.ts';
import { openExternalSafely } from '../window/external-links.ts';
import { applyAppIdentity } from './app-identity.ts';
import { setupCloseToTray, type CloseToTray } from '../window/close-to-tray.ts';
import { parseLaunchArgs, type LaunchArgs } from './launch-args.ts';
import type { Logger } from '../logging/logging.ts';
import { defaultWindowSources, type MainWindowSources } from '../window/window.ts';
import { describeError } from '../../core/describe-error.ts';
import { setupAppLogging } from '../logging/app-logging.ts';
import { closeNoticeFlag, closeNoticeText } from '../window/close-notice.ts';
import { readDemoMode, useDemoDataFolder, type DemoMode } from './demo-mode.ts';
import { useDevDataFolder } from './dev-copy.ts';
import { createLanguageSource, type LanguageSource } from './language.ts';
import { setupMainWindow, type MainWindowHost } from '../window/main-window.ts';
import { createSecretsInUse, type SecretsInUse } from './secrets-in-use.ts';
import { setupShutdown, type Shutdown } from './shutdown.ts';
import { startFailureMessage } from './start-failure.ts';

/** What the running app offers a second launch. */
export interface RunningApp {
  syncNow(): void;
  show(): void;
}

export interface AppBase {
  readonly launch: LaunchArgs;
  readonly demo: DemoMode | null;
  readonly log: Logger;
  readonly logsFolder: () => string;
  readonly secrets: SecretsInUse;
  readonly language: LanguageSource;
  readonly sources: MainWindowSources;
  readonly windows: MainWindowHost;
  readonly closeToTray: CloseToTray;
  readonly shutdown: Shutdown;
  /** Runs `use` once the app runs (at once if it does): a second launch may come before that. */
  whenRunning(use: (running: RunningApp) => void): void;
  running(running: RunningApp): void;
  /** The app cannot start: tell the user, log why, quit. */
  fail(error: unknown): void;
}

export interface AppBaseDeps {
  /** electron-log's main instance. */
  readonly electronLog: NodeLogger;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

export function setupAppBase(deps: AppBaseDeps): AppBase {
  const launch = parseLaunchArgs(deps.argv);
  const demoDecision = readDemoMode(deps.env, app.isPackaged);
  // Before anything reads the data folder: the log names it, and the lock lives in it.
  if (demoDecision.kind === 'on') useDemoDataFolder(app);
  else if (!app.isPackaged) useDevDataFolder(app);
  applyAppIdentity(app, deps.platform);
  const secrets = createSecretsInUse();
  const logging = setupAppLogging(deps.electronLog, {
    folder: app.getPath('logs'),
    production: app.isPackaged,
    secrets,
  });
  const { log } = logging;
  log.info(`starting ${app.getName()} ${app.getVersion()} on ${deps.platform}`);
  if (demoDecision.kind === 'refused') log.warn(`demo mode refused: ${demoDecision.reason}`);
  const reportError = (error: unknown): void => log.error(describeError(error));

  const language = createLanguageSource(app);
  const noticeFlag = closeNoticeFlag(app.getPath('userData'), reportError);
  const closeToTray = setupCloseToTray(app, {
    noticeShown: () => noticeFlag.shown(),
    onClosedToTray: (showNotice) => {
      if (!showNotice) return;
      noticeFlag.markShown();
      if (!Notification.isSupported()) return;
      new Notification(closeNoticeText(language.current(), deps.platform)).show();
    },
  });

  const sources = defaultWindowSources();
  const windows = setupMainWindow({
    sources,
    openLink: (url) => void openExternalSafely(url, { shell: electronShell, log }),
    onCreated: (window) => closeToTray.watch(window),
    log,
    onLoadFailed: (error) => {
      // The page ships inside the app, so failing to load it means a broken install (or, in
      // development, a dev server that is not running); there is nothing to show the user.
      log.error(`the window could not load its page: ${describeError(error)}`);
      app.quit();
    },
  });
  const shutdown = setupShutdown(app, reportError);

  let current: RunningApp | null = null;
  const waiting: ((running: RunningApp) => void)[] = [];
  return {
    launch,
    demo: demoDecision.kind === 'on' ? demoDecision.demo : null,
    log,
    logsFolder: logging.folder,
    secrets,
    language,
    sources,
    windows,
    closeToTray,
    shutdown,
    whenRunning(use) {
      if (current === null) waiting.push(use);
      else use(current);
    },
    running(running) {
      current = running;
      for (const use of waiting.splice(0)) use(running);
    },
    fail(error) {
      log.error(`${app.getName()} could not start: ${describeError(error)}`);
      const message = startFailureMessage(error, logging.folder());
      const lang = language.current();
      try {
        dialog.showErrorBox(
          formatMessage(lang, 'app.start-failed.title'),
          formatMessage(lang, message.key, message.params),
        );
      } catch (dialogError) {
        reportError(dialogError);
      }
      app.quit();
    },
  };
}
