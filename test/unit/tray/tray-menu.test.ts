import { describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { Language } from '../../../common/i18n/format-message.ts';
import {
  runTrayCommand,
  TOOLTIP_MAX_LENGTH,
  trayIconState,
  trayMenu,
  trayTooltip,
  type TrayActions,
  type TrayMenuItem,
  type TrayTextContext,
} from '../../../main/desktop/tray/tray-menu.ts';
import { appState, counts, failedRun, MINUTE, NOW, syncRun, TEHRAN } from './fixtures.ts';

const en: TrayTextContext = { language: 'en', nowMs: NOW, timeZone: TEHRAN };
const fa: TrayTextContext = { language: 'fa', nowMs: NOW, timeZone: TEHRAN };

/** 14:30 in Tehran on the same day as NOW. */
const PAUSE_END = Date.UTC(2026, 10, 27, 11, 0);

const STATES: Record<string, AppState> = {
  idle: appState(),
  syncing: appState({ syncing: true }),
  failed: appState({ lastRun: failedRun('network') }),
  blocked: appState({ lastRun: failedRun('auth'), blocked: 'auth' }),
  paused: appState({ paused: { untilResumed: false, untilMs: PAUSE_END } }),
  offline: appState({ online: false }),
  'no token': appState({
    lastRun: null,
    token: { present: false, backend: 'keychain', persistent: true },
  }),
};

const statusLine = (state: AppState, context: TrayTextContext) =>
  trayTooltip(state, context).split('\n')[1];

function labels(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((item) =>
    item.type === 'separator'
      ? ['---']
      : item.type === 'submenu'
        ? [`${item.label} ▸`, ...labels(item.items).map((label) => `  ${label}`)]
        : [item.label],
  );
}

function findIn(items: readonly TrayMenuItem[], label: string): TrayMenuItem | null {
  for (const entry of items) {
    if ('label' in entry && entry.label === label) return entry;
    if (entry.type === 'submenu') {
      const found = findIn(entry.items, label);
      if (found !== null) return found;
    }
  }
  return null;
}

function item(items: readonly TrayMenuItem[], label: string): TrayMenuItem {
  const found = findIn(items, label);
  if (found === null) throw new Error(`no menu item ${label}`);
  return found;
}

describe('tray icon state', () => {
  it('shows each of the five states', () => {
    expect(trayIconState(STATES['idle']!)).toBe('idle');
    expect(trayIconState(STATES['syncing']!)).toBe('syncing');
    expect(trayIconState(STATES['failed']!)).toBe('error');
    expect(trayIconState(STATES['blocked']!)).toBe('error');
    expect(trayIconState(STATES['paused']!)).toBe('paused');
    expect(trayIconState(STATES['offline']!)).toBe('offline');
  });

  it('shows an error when there is no token to sync with', () => {
    expect(trayIconState(STATES['no token']!)).toBe('error');
  });

  it('shows a sync in progress even while paused or offline (a manual sync runs anyway)', () => {
    expect(trayIconState(appState({ syncing: true, paused: { untilResumed: true } }))).toBe(
      'syncing',
    );
    expect(trayIconState(appState({ syncing: true, online: false }))).toBe('syncing');
  });

  it('prefers offline to the failure it caused, and a blocked token to a pause', () => {
    expect(trayIconState(appState({ online: false, lastRun: failedRun('network') }))).toBe(
      'offline',
    );
    expect(trayIconState(appState({ blocked: 'auth', paused: { untilResumed: true } }))).toBe(
      'error',
    );
  });

  it('does not call a cancelled or interrupted run an error', () => {
    expect(trayIconState(appState({ lastRun: syncRun({ outcome: 'cancelled' }) }))).toBe('idle');
    expect(trayIconState(appState({ lastRun: syncRun({ outcome: 'interrupted' }) }))).toBe('idle');
  });
});

describe('tray tooltip', () => {
  const withChanges = appState({ lastRun: syncRun({ counts: counts({ added: 5, updated: 7 }) }) });

  it('names the app and says when the last sync ended and what it found', () => {
    expect(trayTooltip(withChanges, en)).toBe(
      'Amoot Contact Sync\nSynced 3 minutes ago · 12 changes',
    );
  });

  it('is written in Persian with Persian digits', () => {
    const tooltip = trayTooltip(withChanges, fa);
    expect(tooltip).toBe('همگام‌ساز مخاطبین آموت\nهمگام‌سازی ۳ دقیقه پیش انجام شد · ۱۲ تغییر');
    expect(tooltip).not.toMatch(/[0-9]/);
  });

  it('counts every kind of change, in the singular for one, and says when there were none', () => {
    const all = counts({ added: 1, updated: 1, deleted: 1, restored: 1, missing: 1 });
    expect(statusLine(appState({ lastRun: syncRun({ counts: all }) }), en)).toContain('5 changes');
    const one = appState({ lastRun: syncRun({ counts: counts({ deleted: 1 }) }) });
    expect(statusLine(one, en)).toBe('Synced 3 minutes ago · 1 change');
    expect(statusLine(STATES['idle']!, en)).toBe('Synced 3 minutes ago · no changes');
    expect(statusLine(STATES['idle']!, fa)).toBe('همگام‌سازی ۳ دقیقه پیش انجام شد · بدون تغییر');
  });

  it('counts from the end of the run, so a long download does not look stale', () => {
    const long = syncRun({ startedAtMs: NOW - 50 * MINUTE, durationMs: 48 * MINUTE });
    expect(statusLine(appState({ lastRun: long }), en)).toMatch(/^Synced 2 minutes ago/);
  });

  it('reports a baseline as the contacts it saved, not as changes', () => {
    const baseline = syncRun({ outcome: 'baseline', counts: counts({ received: 1234 }) });
    expect(statusLine(appState({ lastRun: baseline }), en)).toBe(
      'First sync 3 minutes ago · 1,234 contacts',
    );
    expect(statusLine(appState({ lastRun: baseline }), fa)).toBe(
      'نخستین همگام‌سازی ۳ دقیقه پیش انجام شد · ۱٬۲۳۴ مخاطب',
    );
  });

  it("gives a failed run's short reason", () => {
    expect(statusLine(STATES['failed']!, en)).toBe('Sync failed 3 minutes ago: no connection');
    expect(statusLine(STATES['failed']!, fa)).toBe(
      'همگام‌سازی ۳ دقیقه پیش ناموفق بود: اتصال برقرار نشد',
    );
  });

  it('tells the user what to do when the token was rejected or is missing', () => {
    expect(statusLine(STATES['blocked']!, en)).toBe(
      'Token rejected: open the app to enter a valid one',
    );
    expect(statusLine(STATES['no token']!, en)).toBe('No API token: open the app to enter one');
    const locked = appState({
      token: {
        present: false,
        backend: 'keychain',
        persistent: true,
        problem: { key: 'token.keychain.locked' },
      },
    });
    expect(statusLine(locked, en)).toBe('The token could not be read: open the app for details');
  });

  it('says until when syncing is paused, in local time and the language digits', () => {
    expect(statusLine(STATES['paused']!, en)).toBe('Paused until 14:30');
    expect(statusLine(STATES['paused']!, fa)).toBe('متوقف تا ۱۴:۳۰');
    const indefinitely = appState({ paused: { untilResumed: true } });
    expect(statusLine(indefinitely, en)).toBe('Paused until you resume');
  });

  it('names the day of a pause that ends on another day', () => {
    // Saturday 28 Nov 2026, 08:00 in Tehran.
    const tomorrow = appState({
      paused: { untilResumed: false, untilMs: Date.UTC(2026, 10, 28, 4, 30) },
    });
    expect(statusLine(tomorrow, en)).toBe('Paused until Saturday 08:00');
    expect(statusLine(tomorrow, fa)).toBe('متوقف تا شنبه ۰۸:۰۰');
  });

  it('says the app is offline and a sync is running', () => {
    expect(statusLine(STATES['offline']!, en)).toBe('Offline; syncs when the connection is back');
    expect(statusLine(STATES['syncing']!, fa)).toBe('در حال همگام‌سازی…');
  });

  it('says when nothing has synced yet', () => {
    expect(statusLine(appState({ lastRun: null }), en)).toBe('Not synced yet');
  });

  it('fits the 127 characters Windows shows, in every state and language', () => {
    const languages: Language[] = ['en', 'fa'];
    for (const state of Object.values(STATES)) {
      for (const language of languages) {
        const tooltip = trayTooltip(state, { ...en, language });
        expect(tooltip.length, tooltip).toBeLessThanOrEqual(TOOLTIP_MAX_LENGTH);
      }
    }
  });
});

describe('tray menu', () => {
  it('lists the status, the actions and the pause lengths in English', () => {
    expect(labels(trayMenu(STATES['idle']!, en, false))).toEqual([
      'Synced 3 minutes ago · no changes',
      '---',
      'Open',
      'Sync now',
      'Pause ▸',
      '  For 1 hour',
      '  For 4 hours',
      '  Until tomorrow 08:00',
      '  Until I resume',
      'Start at login',
      'Open logs folder',
      '---',
      'Quit',
    ]);
  });

  it('lists them in Persian, with Persian digits', () => {
    const menu = labels(trayMenu(STATES['idle']!, fa, false));
    expect(menu).toEqual([
      'همگام‌سازی ۳ دقیقه پیش انجام شد · بدون تغییر',
      '---',
      'باز کردن برنامه',
      'همگام‌سازی اکنون',
      'توقف موقت ▸',
      '  به مدت ۱ ساعت',
      '  به مدت ۴ ساعت',
      '  تا فردا ساعت ۰۸:۰۰',
      '  تا وقتی خودم ادامه دهم',
      'اجرا هنگام ورود به سیستم',
      'باز کردن پوشهٔ گزارش‌ها',
      '---',
      'خروج',
    ]);
  });

  it('shows the status line as information, not as something to click', () => {
    const [first] = trayMenu(STATES['failed']!, en, false);
    expect(first).toEqual({ type: 'status', label: 'Sync failed 3 minutes ago: no connection' });
  });

  it('disables Sync now while a sync runs', () => {
    expect(item(trayMenu(STATES['syncing']!, en, false), 'Sync now')).toMatchObject({
      enabled: false,
    });
    expect(item(trayMenu(STATES['idle']!, en, false), 'Sync now')).toMatchObject({
      enabled: true,
      command: { kind: 'sync-now' },
    });
  });

  it('asks for the pause each item names', () => {
    const menu = trayMenu(STATES['idle']!, en, false);
    expect(item(menu, 'For 1 hour')).toMatchObject({
      command: { kind: 'pause', request: { for: 60 * MINUTE } },
    });
    expect(item(menu, 'For 4 hours')).toMatchObject({
      command: { kind: 'pause', request: { for: 240 * MINUTE } },
    });
    expect(item(menu, 'Until tomorrow 08:00')).toMatchObject({
      command: { kind: 'pause', request: { untilTomorrowAt: '08:00' } },
    });
    expect(item(menu, 'Until I resume')).toMatchObject({
      command: { kind: 'pause', request: { untilResumed: true } },
    });
    // The Persian item asks for the same ASCII time the scheduler parses.
    expect(item(trayMenu(STATES['idle']!, fa, false), 'تا فردا ساعت ۰۸:۰۰')).toMatchObject({
      command: { kind: 'pause', request: { untilTomorrowAt: '08:00' } },
    });
  });

  it('offers Resume only while paused', () => {
    expect(findIn(trayMenu(STATES['idle']!, en, false), 'Resume')).toBeNull();
    expect(item(trayMenu(STATES['paused']!, en, false), 'Resume')).toMatchObject({
      command: { kind: 'resume' },
    });
  });

  it('ticks Start at login as it is, and a click turns it the other way', () => {
    expect(item(trayMenu(STATES['idle']!, en, true), 'Start at login')).toEqual({
      type: 'checkbox',
      label: 'Start at login',
      checked: true,
      command: { kind: 'start-at-login', enabled: false },
    });
    expect(item(trayMenu(STATES['idle']!, en, false), 'Start at login')).toMatchObject({
      checked: false,
      command: { kind: 'start-at-login', enabled: true },
    });
  });
});

describe('runTrayCommand', () => {
  it('calls the action each command names', () => {
    const actions: TrayActions = {
      open: vi.fn(),
      syncNow: vi.fn(),
      pause: vi.fn(),
      resume: vi.fn(),
      setStartAtLogin: vi.fn(),
      startAtLogin: vi.fn(() => false),
      openLogsFolder: vi.fn(),
      quit: vi.fn(),
    };
    runTrayCommand({ kind: 'open' }, actions);
    runTrayCommand({ kind: 'sync-now' }, actions);
    runTrayCommand({ kind: 'pause', request: { untilTomorrowAt: '08:00' } }, actions);
    runTrayCommand({ kind: 'resume' }, actions);
    runTrayCommand({ kind: 'start-at-login', enabled: true }, actions);
    runTrayCommand({ kind: 'open-logs' }, actions);
    runTrayCommand({ kind: 'quit' }, actions);
    expect(actions.open).toHaveBeenCalledOnce();
    expect(actions.syncNow).toHaveBeenCalledOnce();
    expect(actions.pause).toHaveBeenCalledWith({ untilTomorrowAt: '08:00' });
    expect(actions.resume).toHaveBeenCalledOnce();
    expect(actions.setStartAtLogin).toHaveBeenCalledWith(true);
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});
