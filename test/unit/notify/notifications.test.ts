import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { Language } from '../../../common/i18n/format-message.ts';
import type { NotificationLevel } from '../../../common/settings.ts';
import type { NoticeTarget } from '../../../main/core/notify/notice.ts';
import { CHANGES_WINDOW_MS } from '../../../main/core/notify/notification-policy.ts';
import { setupNotifications } from '../../../main/desktop/notifications/notifications.ts';
import { createFakeTime } from '../core/scheduler/fake-time.ts';
import { FakeNotification, resetFakeElectron } from '../shell/fake-electron.ts';
import { appState, counts, failedRun, MINUTE, syncRun } from '../tray/fixtures.ts';

vi.mock('electron', async () => (await import('../shell/fake-electron.ts')).fakeElectron);

function start(options: { state?: AppState; language?: Language } = {}) {
  const time = createFakeTime();
  let state = options.state ?? appState({ lastRun: null });
  let language = options.language ?? 'en';
  let level: NotificationLevel = 'changes-and-errors';
  const listeners = new Set<(state: AppState) => void>();
  const opened: NoticeTarget[] = [];
  const handle = setupNotifications({
    language: () => language,
    level: () => level,
    getState: () => state,
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: (target) => opened.push(target),
    clock: time.clock,
    timers: time.timers,
  });
  return {
    handle,
    time,
    opened,
    listeners,
    setState(next: AppState) {
      state = next;
      for (const listener of listeners) listener(next);
    },
    setLanguage(next: Language) {
      language = next;
    },
    setLevel(next: NotificationLevel) {
      level = next;
    },
  };
}

const shown = () =>
  FakeNotification.created
    .filter((notification) => notification.shown)
    .map(({ options }) => `${options.title} | ${options.body}`);

const withChanges = (added: number) =>
  syncRun({ counts: counts({ added, unchanged: 1000 - added }) });

beforeEach(() => {
  resetFakeElectron();
});

describe('native notifications', () => {
  it('show a finished sync with changes, and a click opens Updates', () => {
    const app = start();
    app.setState(appState({ lastRun: withChanges(12) }));
    expect(shown()).toEqual([
      'Contacts changed | 12 contacts changed in the last sync. Click to see which ones in Updates.',
    ]);
    FakeNotification.created[0]?.click();
    expect(app.opened).toEqual(['updates']);
  });

  it('are written in the user language, with Persian digits', () => {
    const app = start({ language: 'fa' });
    app.setState(appState({ lastRun: withChanges(12) }));
    expect(shown()).toEqual([
      'مخاطبین تغییر کردند | ۱۲ مخاطب در آخرین همگام‌سازی تغییر کردند. برای دیدن آن‌ها در بخش تغییرات کلیک کنید.',
    ]);
  });

  it('say a rejected token with its advice, and a click opens the token field', () => {
    const app = start();
    app.setState(appState({ lastRun: failedRun('auth'), blocked: 'auth' }));
    expect(shown()).toEqual([
      'Syncing stopped: the token was rejected | This token has expired. Extend it or create a new one in the AmootSMS panel, then enter it here.',
    ]);
    FakeNotification.created[0]?.click();
    expect(app.opened).toEqual(['settings-token']);
  });

  it('show at most a short, single clean line of what the server sent', () => {
    const app = start();
    const hostile =
      'Maintenance\r\nClick here: https://evil.example/\u202Eexe.txt\u2066\u0007\u0000' +
      'x'.repeat(5_000);
    const message = { key: 'status.unknown' as const, params: { title: hostile } };
    app.setState(appState({ lastRun: failedRun('unknown', { message }) }));
    app.setState(appState({ lastRun: failedRun('auth', { message }) }));
    const bodies = FakeNotification.created.map(({ options }) => options.body ?? '');
    expect(bodies).toHaveLength(2);
    for (const body of bodies) {
      const title = /"(.*)"/.exec(body)?.[1] ?? '';
      expect(title.startsWith('Maintenance Click here: https://evil.example/ exe.txt x')).toBe(
        true,
      );
      expect(title.endsWith('…')).toBe(true);
      expect(Array.from(title).length).toBeLessThanOrEqual(80);
      // eslint-disable-next-line no-control-regex
      expect(body).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      // The app's own words around it stay whole.
      expect(body).toMatch(/^AmootSMS answered with a status this app does not know: ".*"\. /);
      expect(body).toMatch(/contact AmootSMS support\.$/);
    }
  });

  it('announce a run once when it finishes, however often the state repeats it', () => {
    const app = start();
    const running = syncRun({ outcome: 'running', counts: null, durationMs: null });
    app.setState(appState({ lastRun: running, syncing: true }));
    expect(shown()).toEqual([]);
    const failed = failedRun('network', { id: running.id });
    app.setState(appState({ lastRun: failed }));
    app.setState(appState({ lastRun: { ...failed }, online: false }));
    app.setState(appState({ lastRun: failedRun('network') }));
    expect(shown()).toEqual([
      'Sync failed | Could not reach AmootSMS. Check the internet connection; the app will try again.',
    ]);
    FakeNotification.created[0]?.click();
    expect(app.opened).toEqual(['history']);
  });

  it('keep quiet about the run that was already in the history at start-up', () => {
    const before = withChanges(40);
    const app = start({ state: appState({ lastRun: before }) });
    app.setState(appState({ lastRun: before, online: false }));
    app.setState(appState({ lastRun: { ...before } }));
    expect(shown()).toEqual([]);
    app.setState(appState({ lastRun: withChanges(2) }));
    expect(shown()).toHaveLength(1);
  });

  it('deliver a folded summary when the quiet window ends, in the language of that moment', async () => {
    const app = start();
    app.setState(appState({ lastRun: withChanges(1) }));
    await app.time.advance(MINUTE);
    app.setState(appState({ lastRun: withChanges(2) }));
    await app.time.advance(MINUTE);
    app.setState(appState({ lastRun: withChanges(3) }));
    app.setLanguage('fa');
    await app.time.advance(CHANGES_WINDOW_MS);
    expect(shown()).toHaveLength(2);
    expect(shown()[1]).toBe(
      'مخاطبین تغییر کردند | ۵ مخاطب در ۲ همگام‌سازی اخیر تغییر کردند. برای دیدن آن‌ها در بخش تغییرات کلیک کنید.',
    );
  });

  it('show nothing where the desktop has no notification service', () => {
    FakeNotification.supported = false;
    const app = start();
    app.setState(appState({ lastRun: failedRun('network') }));
    expect(FakeNotification.created).toEqual([]);
  });

  it('follow the level setting', () => {
    const app = start();
    app.setLevel('errors');
    app.setState(appState({ lastRun: withChanges(5) }));
    expect(shown()).toEqual([]);
    app.setLevel('off');
    app.setState(appState({ lastRun: failedRun('server') }));
    expect(shown()).toEqual([]);
  });

  it('announce a rejected token again after the user saved another one', () => {
    const app = start();
    app.setState(appState({ lastRun: failedRun('auth') }));
    app.setState(appState({ lastRun: failedRun('auth') }));
    expect(shown()).toHaveLength(1);
    app.handle.tokenChanged();
    app.setState(appState({ lastRun: failedRun('auth') }));
    expect(shown()).toHaveLength(2);
  });

  it('stop listening and drop held-back changes on destroy', async () => {
    const app = start();
    app.setState(appState({ lastRun: withChanges(1) }));
    app.setState(appState({ lastRun: withChanges(1) }));
    app.handle.destroy();
    expect(app.listeners.size).toBe(0);
    expect(app.time.pendingTimers()).toBe(0);
    await app.time.advance(CHANGES_WINDOW_MS);
    expect(shown()).toHaveLength(1);
  });
});
