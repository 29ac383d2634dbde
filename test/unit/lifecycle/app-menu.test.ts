import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../common/i18n/format-message.ts';
import {
  installAppMenu,
  macMenuTemplate,
  type Translate,
} from '../../../main/desktop/window/app-menu.ts';

const english: Translate = (key, params) => formatMessage('en', key, params);
const persian: Translate = (key, params) => formatMessage('fa', key, params);

/** Electron's Menu as far as the app uses it: what was built, what was installed. */
function fakeMenu() {
  const state: { installed: MenuItemConstructorOptions[] | null | undefined } = {
    installed: undefined,
  };
  return {
    state,
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template as unknown as Menu,
    setApplicationMenu: (menu: Menu | null) => {
      state.installed = menu as unknown as MenuItemConstructorOptions[] | null;
    },
  };
}

function roles(template: MenuItemConstructorOptions[]): (string | undefined)[][] {
  return template.map((menu) =>
    (menu.submenu as MenuItemConstructorOptions[]).filter((i) => i.role).map((i) => i.role),
  );
}

describe('the macOS menu bar', () => {
  it('has App, Edit and Window menus whose roles make the standard shortcuts work', () => {
    const template = macMenuTemplate(english, 'Amoot Contact Sync');
    expect(template.map((menu) => menu.label)).toEqual(['Amoot Contact Sync', 'Edit', 'Window']);
    expect(roles(template)).toEqual([
      ['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'],
      ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'],
      ['minimize', 'zoom', 'close', 'front'],
    ]);
  });

  it('speaks the user’s language and names the app where macOS does', () => {
    const [app, edit] = macMenuTemplate(persian, 'همگام‌ساز مخاطبین آموت');
    const appItems = app!.submenu as MenuItemConstructorOptions[];
    expect(appItems.find((i) => i.role === 'quit')?.label).toBe('خروج از همگام‌ساز مخاطبین آموت');
    expect(edit!.label).toBe('ویرایش');
    const editItems = edit!.submenu as MenuItemConstructorOptions[];
    expect(editItems.find((i) => i.role === 'paste')?.label).toBe('چسباندن');
  });

  it('is installed on macOS', () => {
    const menu = fakeMenu();
    installAppMenu(menu, 'darwin', english, 'Amoot Contact Sync');
    expect(menu.state.installed).toEqual(macMenuTemplate(english, 'Amoot Contact Sync'));
  });

  it.each(['win32', 'linux'] as const)(
    'is replaced by no menu at all on %s, so Reload and DevTools are not offered',
    (platform) => {
      const menu = fakeMenu();
      installAppMenu(menu, platform, english, 'Amoot Contact Sync');
      expect(menu.state.installed).toBeNull();
    },
  );
});
