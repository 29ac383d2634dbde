/**
 * The tray icon: the app's face while its window is closed, which is most of the day. What it
 * shows is decided in `tray-menu.ts`; this file only hands that to Electron and re-renders when
 * the state changes, when `refresh()` is called (language, taskbar theme, start-at-login), and
 * once a minute so "3 minutes ago" does not go stale.
 */
import {
  Menu,
  nativeImage,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { Language } from '../../../common/i18n/format-message.ts';
import { trayIconFiles, type TrayIconFiles } from './tray-icons.ts';
import {
  runTrayCommand,
  trayView,
  type TrayActions,
  type TrayCommand,
  type TrayMenuItem,
} from './tray-menu.ts';

/** How often the tooltip's relative time is rewritten: its smallest unit is a minute. */
export const TRAY_REFRESH_MS = 60_000;

export interface TrayDeps {
  /** The folder with the tray images (`trayResourcesDir`). */
  readonly resourcesDir: string;
  readonly platform: NodeJS.Platform;
  readonly language: () => Language;
  /**
   * Whether the Windows taskbar (or Linux panel) is dark, which picks the light or dark drawing;
   * macOS tints template images itself.
   */
  readonly isDarkTaskbar: () => boolean;
  readonly getState: () => AppState;
  readonly onStateChange: (listener: (state: AppState) => void) => () => void;
  readonly actions: TrayActions;
  /** Wall clock for "3 minutes ago"; Date.now by default. */
  readonly now?: () => number;
  /** IANA zone for "Paused until 14:30"; the machine's by default. */
  readonly timeZone?: string;
  /** Where a failed action or render is reported; console.error by default. */
  readonly onError?: (error: unknown) => void;
}

export interface AppTray {
  /** Re-reads language, taskbar theme and start-at-login, after the settings or the OS changed. */
  refresh(): void;
  /** Removes the icon and stops listening; safe to call twice. */
  destroy(): void;
}

/** Puts the icon in the tray and keeps it in step with the app's state. */
export function setupTray(deps: TrayDeps): AppTray {
  const now = deps.now ?? Date.now;
  const onError = deps.onError ?? ((error: unknown) => console.error('Tray:', error));
  const images = new Map<string, NativeImage>();
  const warnedEmpty = new Set<string>();

  /**
   * One image per file, made once: rebuilding it on every state change would churn the icon. An
   * empty image means the file is missing (a broken install) and would leave an invisible icon,
   * so it is reported once.
   */
  const imageFor = (files: TrayIconFiles): NativeImage => {
    let image = images.get(files.path);
    if (image === undefined) {
      image = nativeImage.createFromPath(files.path);
      if (files.template) image.setTemplateImage(true);
      if (image.isEmpty() && !warnedEmpty.has(files.path)) {
        warnedEmpty.add(files.path);
        onError(new Error(`Tray icon file is missing or unreadable: ${files.path}`));
      }
      images.set(files.path, image);
    }
    return image;
  };

  const filesFor = (icon: Parameters<typeof trayIconFiles>[0]): TrayIconFiles =>
    trayIconFiles(icon, deps.platform, deps.isDarkTaskbar(), deps.resourcesDir);

  const viewNow = () =>
    trayView(
      deps.getState(),
      { language: deps.language(), nowMs: now(), timeZone: deps.timeZone },
      deps.actions.startAtLogin(),
    );

  const first = viewNow();
  let shownIconPath = filesFor(first.icon).path;
  const tray = new Tray(imageFor(filesFor(first.icon)));
  let shownTooltip = first.tooltip;
  tray.setToolTip(shownTooltip);
  let shownMenuKey = '';
  let destroyed = false;

  const perform = (command: TrayCommand): void => {
    try {
      const result = runTrayCommand(command, deps.actions);
      if (result instanceof Promise) result.catch(onError).finally(render);
    } catch (error) {
      onError(error);
    }
    // A checkbox or an action that changes no state (start at login) still needs a fresh menu.
    render();
  };

  const setMenu = (menu: readonly TrayMenuItem[]): void => {
    const key = JSON.stringify(menu);
    if (key === shownMenuKey) return;
    shownMenuKey = key;
    tray.setContextMenu(Menu.buildFromTemplate(menu.map((item) => toTemplate(item, perform))));
  };

  /** Touches Electron only for what changed, so a tick with nothing new costs nothing visible. */
  function render(): void {
    if (destroyed) return;
    try {
      const view = viewNow();
      const files = filesFor(view.icon);
      if (files.path !== shownIconPath) {
        shownIconPath = files.path;
        tray.setImage(imageFor(files));
      }
      if (view.tooltip !== shownTooltip) {
        shownTooltip = view.tooltip;
        tray.setToolTip(view.tooltip);
      }
      setMenu(view.menu);
    } catch (error) {
      onError(error);
    }
  }

  setMenu(first.menu);
  // macOS shows the menu on a click by itself once a context menu is set; Windows and Linux keep
  // the menu for the right button, and the everyday left click opens the window.
  if (deps.platform !== 'darwin') tray.on('click', () => perform({ kind: 'open' }));

  const unsubscribe = deps.onStateChange(() => render());
  const ticker = setInterval(render, TRAY_REFRESH_MS);

  return {
    refresh: render,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearInterval(ticker);
      unsubscribe();
      tray.destroy();
    },
  };
}

/** One item of the data menu as Electron's template; commands go through `perform`. */
function toTemplate(
  item: TrayMenuItem,
  perform: (command: TrayCommand) => void,
): MenuItemConstructorOptions {
  switch (item.type) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, enabled: item.enabled, click: () => perform(item.command) };
    case 'checkbox':
      return {
        type: 'checkbox',
        label: item.label,
        checked: item.checked,
        click: () => perform(item.command),
      };
    case 'submenu':
      return {
        label: item.label,
        submenu: item.items.map((child) => toTemplate(child, perform)),
      };
  }
}
