/**
 * The application menu. macOS routes the standard shortcuts (⌘C, ⌘V, ⌘A, ⌘Z, ⌘W, ⌘Q) through
 * the menu bar, so without an Edit menu nobody could paste a token; the app gets App, Edit and
 * Window menus there, built from Electron roles (which do the work) with our own labels (Electron's
 * are English only). Windows and Linux get no menu at all: the page needs none, shortcuts work in
 * text fields without one, and Electron's default menu would offer Reload and Developer Tools.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';

/** The caller's message lookup in the user's language, e.g. `formatMessage(language, …)`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The part of Electron's `Menu` this needs. */
export interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  setApplicationMenu(menu: Menu | null): void;
}

/** The macOS menu bar; `appName` goes into About, Hide and Quit as macOS apps show it. */
export function macMenuTemplate(t: Translate, appName: string): MenuItemConstructorOptions[] {
  const name = { name: appName };
  return [
    {
      label: appName,
      submenu: [
        { role: 'about', label: t('app.menu.about', name) },
        { type: 'separator' },
        { role: 'services', label: t('app.menu.services') },
        { type: 'separator' },
        { role: 'hide', label: t('app.menu.hide', name) },
        { role: 'hideOthers', label: t('app.menu.hide-others') },
        { role: 'unhide', label: t('app.menu.show-all') },
        { type: 'separator' },
        // Quits for real (through 'before-quit'), unlike closing the window, which keeps syncing.
        { role: 'quit', label: t('app.menu.quit', name) },
      ],
    },
    {
      label: t('app.menu.edit'),
      submenu: [
        { role: 'undo', label: t('app.menu.undo') },
        { role: 'redo', label: t('app.menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('app.menu.cut') },
        { role: 'copy', label: t('app.menu.copy') },
        { role: 'paste', label: t('app.menu.paste') },
        { role: 'selectAll', label: t('app.menu.select-all') },
      ],
    },
    {
      label: t('app.menu.window'),
      submenu: [
        { role: 'minimize', label: t('app.menu.minimize') },
        { role: 'zoom', label: t('app.menu.zoom') },
        { type: 'separator' },
        { role: 'close', label: t('app.menu.close') },
        { role: 'front', label: t('app.menu.front') },
      ],
    },
  ];
}

/**
 * Installs the menu for `platform`; call once the app is ready, and again when the user changes
 * the language so the labels follow.
 */
export function installAppMenu(
  menu: MenuApi,
  platform: NodeJS.Platform,
  t: Translate,
  appName: string,
): void {
  menu.setApplicationMenu(
    platform === 'darwin' ? menu.buildFromTemplate(macMenuTemplate(t, appName)) : null,
  );
}
