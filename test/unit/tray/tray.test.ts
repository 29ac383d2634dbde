import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { Language } from '../../../common/i18n/format-message.ts';
import { setupTray, TRAY_REFRESH_MS } from '../../../main/desktop/tray/tray.ts';
import type { TrayActions } from '../../../main/desktop/tray/tray-menu.ts';
import {
  FakeNativeImage,
  FakeTray,
  resetFakeElectron,
  type FakeMenu,
} from '../shell/fake-electron.ts';
import { appState, failedRun, MINUTE, NOW, TEHRAN } from './fixtures.ts';

vi.mock('electron', async () => (await import('../shell/fake-electron.ts')).fakeElectron);

const RESOURCES = '/app/resources/tray';

interface Options {
  platform?: NodeJS.Platform;
  language?: Language;
  state?: AppState;
}

function startTray(options: Options = {}) {
  let state = options.state ?? appState();
  let language = options.language ?? 'en';
  let dark = true;
  let startAtLogin = false;
  let nowMs = NOW;
  const listeners = new Set<(state: AppState) => void>();
  const errors: unknown[] = [];
  const actions = {
    open: vi.fn<TrayActions['open']>(),
    syncNow: vi.fn<TrayActions['syncNow']>(),
    pause: vi.fn<TrayActions['pause']>(),
    resume: vi.fn<TrayActions['resume']>(),
    setStartAtLogin: vi.fn((enabled: boolean) => {
      startAtLogin = enabled;
    }),
    startAtLogin: () => startAtLogin,
    openLogsFolder: vi.fn<TrayActions['openLogsFolder']>(),
    quit: vi.fn<TrayActions['quit']>(),
  };
  const handle = setupTray({
    resourcesDir: RESOURCES,
    platform: options.platform ?? 'win32',
    language: () => language,
    isDarkTaskbar: () => dark,
    getState: () => state,
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
    now: () => nowMs,
    timeZone: TEHRAN,
    onError: (error) => errors.push(error),
  });
  const tray = FakeTray.created.at(-1);
  if (tray === undefined) throw new Error('setupTray made no Tray');
  return {
    tray,
    handle,
    actions,
    errors,
    listeners,
    menu(): FakeMenu {
      if (tray.contextMenu === null) throw new Error('the tray has no menu');
      return tray.contextMenu;
    },
    setState(next: AppState) {
      state = next;
      for (const listener of listeners) listener(next);
    },
    setLanguage(next: Language) {
      language = next;
    },
    setDarkTaskbar(next: boolean) {
      dark = next;
    },
    /** Time passes: the wall clock and the tray's minute timer. */
    pass(ms: number) {
      nowMs += ms;
      vi.advanceTimersByTime(ms);
    },
  };
}

const labels = (menu: FakeMenu): string[] =>
  menu.items.flatMap((item) => [
    item.type === 'separator' ? '---' : item.label,
    ...(item.submenu === null ? [] : labels(item.submenu).map((label) => `  ${label}`)),
  ]);

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('tray icon', () => {
  it('follows the state through idle, syncing, error, paused and offline', () => {
    const app = startTray();
    const file = () => app.tray.image.path;
    expect(file()).toBe(join(RESOURCES, 'tray-idle-dark.ico'));
    app.setState(appState({ syncing: true }));
    expect(file()).toBe(join(RESOURCES, 'tray-syncing-dark.ico'));
    app.setState(appState({ lastRun: failedRun('timeout') }));
    expect(file()).toBe(join(RESOURCES, 'tray-error-dark.ico'));
    app.setState(appState({ blocked: 'auth', lastRun: failedRun('auth') }));
    expect(file()).toBe(join(RESOURCES, 'tray-error-dark.ico'));
    app.setState(appState({ paused: { untilResumed: true } }));
    expect(file()).toBe(join(RESOURCES, 'tray-paused-dark.ico'));
    app.setState(appState({ online: false }));
    expect(file()).toBe(join(RESOURCES, 'tray-offline-dark.ico'));
    app.setState(appState());
    expect(file()).toBe(join(RESOURCES, 'tray-idle-dark.ico'));
  });

  it('switches to the drawing for a light taskbar when refreshed after a theme change', () => {
    const app = startTray();
    app.setDarkTaskbar(false);
    app.handle.refresh();
    expect(app.tray.image.path).toBe(join(RESOURCES, 'tray-idle-light.ico'));
  });

  it('opens the window on a left click on Windows', () => {
    const app = startTray({ platform: 'win32' });
    app.tray.click();
    expect(app.actions.open).toHaveBeenCalledOnce();
    expect(app.tray.image.template).toBe(false);
  });

  it('uses template images on macOS and leaves the click to show the menu', () => {
    const app = startTray({ platform: 'darwin' });
    expect(app.tray.image.path).toBe(join(RESOURCES, 'tray-idleTemplate.png'));
    expect(app.tray.image.template).toBe(true);
    app.setState(appState({ syncing: true }));
    expect(app.tray.image.path).toBe(join(RESOURCES, 'tray-syncingTemplate.png'));
    expect(app.tray.image.template).toBe(true);
    app.tray.click();
    expect(app.actions.open).not.toHaveBeenCalled();
    expect(app.tray.listenerCount('click')).toBe(0);
    expect(app.tray.contextMenu).not.toBeNull();
  });

  it('reports a missing icon file once instead of showing nothing silently', () => {
    FakeNativeImage.missingPaths.add(join(RESOURCES, 'tray-syncing-dark.ico'));
    const app = startTray();
    app.setState(appState({ syncing: true }));
    app.setState(appState());
    app.setState(appState({ syncing: true }));
    expect(app.errors).toHaveLength(1);
    expect(String(app.errors[0])).toContain('tray-syncing-dark.ico');
  });
});

describe('tray tooltip', () => {
  it('names the app and the last sync, and keeps the time fresh every minute', () => {
    const app = startTray();
    expect(app.tray.toolTip).toBe('Amoot Contact Sync\nSynced 3 minutes ago · no changes');
    app.pass(TRAY_REFRESH_MS);
    expect(app.tray.toolTip).toBe('Amoot Contact Sync\nSynced 4 minutes ago · no changes');
    expect(app.menu().items[0]?.label).toBe('Synced 4 minutes ago · no changes');
    app.pass(60 * MINUTE);
    expect(app.tray.toolTip).toBe('Amoot Contact Sync\nSynced 1 hour ago · no changes');
  });

  it('is written in Persian with Persian digits', () => {
    const app = startTray({ language: 'fa' });
    expect(app.tray.toolTip).toBe(
      'همگام‌ساز مخاطبین آموت\nهمگام‌سازی ۳ دقیقه پیش انجام شد · بدون تغییر',
    );
    app.pass(TRAY_REFRESH_MS);
    expect(app.tray.toolTip).toContain('۴ دقیقه پیش');
    app.setState(
      appState({ paused: { untilResumed: false, untilMs: Date.UTC(2026, 10, 27, 11) } }),
    );
    expect(app.tray.toolTip).toBe('همگام‌ساز مخاطبین آموت\nمتوقف تا ۱۴:۳۰');
  });

  it("shows a failed run's short reason", () => {
    const app = startTray({ state: appState({ lastRun: failedRun('network') }) });
    expect(app.tray.toolTip).toBe('Amoot Contact Sync\nSync failed 3 minutes ago: no connection');
  });
});

describe('tray menu', () => {
  it('offers the actions in the user language, and switches language on refresh', () => {
    const app = startTray();
    expect(labels(app.menu())).toEqual([
      'Synced 3 minutes ago · no changes',
      '---',
      'Open',
      'Sync now',
      'Pause',
      '  For 1 hour',
      '  For 4 hours',
      '  Until tomorrow 08:00',
      '  Until I resume',
      'Start at login',
      'Open logs folder',
      '---',
      'Quit',
    ]);
    expect(app.menu().items[0]?.enabled).toBe(false);
    app.setLanguage('fa');
    app.handle.refresh();
    expect(labels(app.menu())).toContain('همگام‌سازی اکنون');
    expect(labels(app.menu())).toContain('  تا فردا ساعت ۰۸:۰۰');
    expect(labels(app.menu()).join('\n')).not.toMatch(/[A-Za-z0-9]/);
  });

  it('disables Sync now while syncing, and runs a sync when clicked otherwise', () => {
    const app = startTray({ state: appState({ syncing: true }) });
    app.menu().find('Sync now').click();
    expect(app.menu().find('Sync now').enabled).toBe(false);
    expect(app.actions.syncNow).not.toHaveBeenCalled();
    app.setState(appState());
    app.menu().find('Sync now').click();
    expect(app.actions.syncNow).toHaveBeenCalledOnce();
  });

  it('asks for the pause each item names', () => {
    const app = startTray();
    app.menu().find('For 1 hour').click();
    app.menu().find('For 4 hours').click();
    app.menu().find('Until tomorrow 08:00').click();
    app.menu().find('Until I resume').click();
    expect(app.actions.pause.mock.calls).toEqual([
      [{ for: 60 * MINUTE }],
      [{ for: 4 * 60 * MINUTE }],
      [{ untilTomorrowAt: '08:00' }],
      [{ untilResumed: true }],
    ]);
  });

  it('offers Resume once paused', () => {
    const app = startTray();
    expect(app.menu().findOrNull('Resume')).toBeNull();
    app.setState(appState({ paused: { untilResumed: true } }));
    expect(app.menu().items[0]?.label).toBe('Paused until you resume');
    app.menu().find('Resume').click();
    expect(app.actions.resume).toHaveBeenCalledOnce();
  });

  it('toggles Start at login and shows the new tick at once', () => {
    const app = startTray();
    expect(app.menu().find('Start at login')).toMatchObject({ type: 'checkbox', checked: false });
    app.menu().find('Start at login').click();
    expect(app.actions.setStartAtLogin).toHaveBeenLastCalledWith(true);
    expect(app.menu().find('Start at login').checked).toBe(true);
    app.menu().find('Start at login').click();
    expect(app.actions.setStartAtLogin).toHaveBeenLastCalledWith(false);
    expect(app.menu().find('Start at login').checked).toBe(false);
  });

  it('opens the window and the logs folder, and quits', () => {
    const app = startTray();
    app.menu().find('Open').click();
    app.menu().find('Open logs folder').click();
    app.menu().find('Quit').click();
    expect(app.actions.open).toHaveBeenCalledOnce();
    expect(app.actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(app.actions.quit).toHaveBeenCalledOnce();
  });

  it('reports an action that fails instead of letting it escape', async () => {
    const app = startTray();
    app.actions.syncNow.mockRejectedValueOnce(new Error('engine stopped'));
    app.menu().find('Sync now').click();
    await vi.waitFor(() => expect(app.errors).toHaveLength(1));
    expect(String(app.errors[0])).toContain('engine stopped');
  });

  it('does not rebuild the menu when nothing it shows changed', () => {
    const app = startTray();
    const builds = app.tray.menuSets;
    app.setState(appState());
    app.handle.refresh();
    expect(app.tray.menuSets).toBe(builds);
    app.setState(appState({ syncing: true }));
    expect(app.tray.menuSets).toBe(builds + 1);
  });
});

describe('destroy', () => {
  it('removes the icon, stops the minute timer and stops following the state', () => {
    const app = startTray();
    expect(vi.getTimerCount()).toBe(1);
    app.handle.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(app.tray.destroyed).toBe(true);
    expect(app.listeners.size).toBe(0);
    const tooltip = app.tray.toolTip;
    app.pass(5 * MINUTE);
    app.handle.refresh();
    expect(app.tray.toolTip).toBe(tooltip);
    app.handle.destroy();
  });
});
