// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import type { SyncNowResult } from '../../../common/ipc/app-state.ts';
import { appState, fakeApi, NOW, run } from './fake-api.ts';

const PERSIAN_DIGIT = /[۰-۹]/;

/** What the tests read of the page; the root tsconfig type-checks tests without the DOM library. */
interface PageRoot {
  readonly dir: string;
  readonly lang: string;
  readonly outerHTML: string;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  removeAttribute(name: string): void;
}
interface Control {
  readonly disabled: boolean;
  readonly type: string;
  readonly value: string;
}
const html = (): PageRoot =>
  (globalThis as unknown as { document: { documentElement: PageRoot } }).document.documentElement;
const control = (element: unknown): Control => element as Control;
const activeElement = (): unknown =>
  (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  html().removeAttribute('data-theme');
  (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear();
});

describe('language', () => {
  it('switching to Persian lays the page out right to left with Persian digits', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    render(App, { props: { api: fake.api } });
    await screen.findByRole('button', { name: 'Sync now' });
    expect(html().dir).toBe('ltr');

    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'fa' } });

    expect(fake.api.settings.set).toHaveBeenCalledWith({ language: 'fa' });
    await waitFor(() => expect(html().dir).toBe('rtl'));
    expect(html().lang).toBe('fa');
    expect(screen.getByRole('button', { name: 'همگام‌سازی الان' })).toBeDefined();
    const next = screen.getByTestId('next-sync').textContent ?? '';
    expect(next).toMatch(PERSIAN_DIGIT);
    expect(next).not.toMatch(/[0-9]/);
  });

  it('shows dates in the Jalali calendar in Persian', async () => {
    const fake = fakeApi({ settings: { language: 'fa' } });
    render(App, { props: { api: fake.api } });
    // 21 March 2025 is 1 Farvardin 1404.
    await waitFor(() => expect(screen.getByTestId('last-sync').textContent).toContain('۱۴۰۴'));
    expect(screen.getByTestId('last-sync').textContent).toContain('فروردین');
  });

  it('applies an explicit theme to the document', async () => {
    const fake = fakeApi({ settings: { theme: 'dark' } });
    render(App, { props: { api: fake.api } });
    await waitFor(() => expect(html().dataset.theme).toBe('dark'));
  });
});

describe('sync now', () => {
  it('is disabled while syncing and starts only one sync', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    let finish: (result: SyncNowResult) => void = () => {};
    vi.mocked(fake.api.sync.now).mockImplementation(
      () => new Promise<SyncNowResult>((resolve) => (finish = resolve)),
    );
    render(App, { props: { api: fake.api } });
    const button = await screen.findByRole('button', { name: 'Sync now' });

    await fireEvent.click(button);
    await fireEvent.click(button);
    expect(fake.api.sync.now).toHaveBeenCalledTimes(1);
    expect(control(button).disabled).toBe(true);

    fake.emit('sync.progress', {
      runId: 'run-2',
      phase: 'downloading',
      attempt: 1,
      bytesReceived: 4096,
    });
    expect(await screen.findByText('Downloading (4 KB)…')).toBeDefined();

    finish({ ok: true });
    await waitFor(() => expect(control(button).disabled).toBe(false));
  });

  it('says how long to wait when main answers that the last sync started moments ago', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    vi.mocked(fake.api.sync.now).mockResolvedValueOnce({
      ok: false,
      tooSoon: true,
      retryAtMs: NOW + 6_200,
    });
    render(App, { props: { api: fake.api } });
    const button = await screen.findByRole('button', { name: 'Sync now' });
    await fireEvent.click(button);
    const notice = await screen.findByTestId('sync-too-soon');
    expect(notice.textContent?.trim()).toBe(
      messagesEn['ui.sync.too-soon.other'].replace('{count}', '7'),
    );
    expect(notice.getAttribute('role')).toBe('status');
    expect(control(button).disabled).toBe(false);

    // In Persian, with Persian digits.
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'fa' } });
    await waitFor(() =>
      expect(screen.getByTestId('sync-too-soon').textContent?.trim()).toBe(
        messagesFa['ui.sync.too-soon.other'].replace('{count}', '۷'),
      ),
    );

    // The next press that main lets through clears it.
    await fireEvent.click(screen.getByRole('button', { name: 'همگام‌سازی الان' }));
    await waitFor(() => expect(screen.queryByTestId('sync-too-soon')).toBeNull());
    expect(fake.api.sync.now).toHaveBeenCalledTimes(2);
  });

  it('stays disabled while main reports a sync running, whoever started it', async () => {
    const fake = fakeApi({ settings: { language: 'en' }, state: appState({ syncing: true }) });
    render(App, { props: { api: fake.api } });
    const button = await screen.findByRole('button', { name: 'Syncing…' });
    expect(control(button).disabled).toBe(true);
    await fireEvent.click(button);
    expect(fake.api.sync.now).not.toHaveBeenCalled();
  });
});

describe('status header', () => {
  it('follows state.changed events without asking main again', async () => {
    const fake = fakeApi({ settings: { language: 'en' }, state: appState({ lastRun: null }) });
    render(App, { props: { api: fake.api } });
    await screen.findByText('Not synced yet');

    fake.emit(
      'state.changed',
      appState({ lastRun: run({ startedAtMs: NOW - 3 * 60_000 }), online: false }),
    );

    expect(await screen.findByText(/Last sync 3 minutes ago/)).toBeDefined();
    expect(screen.getByText('Offline; syncs when the connection is back')).toBeDefined();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fake.api.state.get).toHaveBeenCalledTimes(1);
  });

  it('tells where an unreadable store file was moved', async () => {
    const movedTo = '/home/u/.config/amoot/history.json.corrupt-1700000000000';
    const state = appState({
      storeRecoveries: [{ store: 'history', movedTo, reason: 'bad JSON', atMs: NOW }],
    });
    const fake = fakeApi({ settings: { language: 'en' }, state });
    render(App, { props: { api: fake.api } });
    expect(
      await screen.findByText(new RegExp(`The old file was kept as ${movedTo}`)),
    ).toBeDefined();
  });

  it('says the last sync failed, with its reason', async () => {
    const failed = run({
      outcome: 'failed',
      errorKind: 'network',
      message: { key: 'error.network' },
      counts: null,
    });
    const fake = fakeApi({ settings: { language: 'en' }, state: appState({ lastRun: failed }) });
    render(App, { props: { api: fake.api } });
    expect(await screen.findByText(/The last sync failed: Could not reach AmootSMS/)).toBeDefined();
  });

  it('warns that the token was rejected', async () => {
    const fake = fakeApi({ settings: { language: 'en' }, state: appState({ blocked: 'auth' }) });
    render(App, { props: { api: fake.api } });
    expect(
      await screen.findByText('Token rejected: open the app to enter a valid one'),
    ).toBeDefined();
  });

  it('stops listening when the window goes away', async () => {
    const fake = fakeApi();
    const view = render(App, { props: { api: fake.api } });
    await waitFor(() => expect(fake.listenerCount('state.changed')).toBe(1));
    view.unmount();
    expect(fake.listenerCount('state.changed')).toBe(0);
    expect(fake.listenerCount('sync.progress')).toBe(0);
    expect(fake.listenerCount('ui.navigate')).toBe(0);
  });
});

describe('token', () => {
  const TOKEN = 'SECRET-token-0123456789abcdef';

  it('shows why the test failed in the current language', async () => {
    const fake = fakeApi({ settings: { language: 'fa' } });
    vi.mocked(fake.api.token.set).mockResolvedValue({
      ok: false,
      message: { key: 'status.Token_Expired' },
      errorKind: 'auth',
      canSaveUntested: true,
    });
    render(App, { props: { api: fake.api } });
    await fireEvent.click(await screen.findByRole('button', { name: 'تنظیمات' }));
    await fireEvent.input(screen.getByLabelText('توکن API جدید'), { target: { value: TOKEN } });
    await fireEvent.click(screen.getByRole('button', { name: 'بررسی و ذخیره' }));

    expect(fake.api.token.set).toHaveBeenCalledWith({ token: TOKEN, test: true });
    expect(await screen.findByText(messagesFa['status.Token_Expired'])).toBeDefined();
    expect(screen.queryByText(messagesEn['status.Token_Expired'])).toBeNull();
  });

  it('never leaves the token in the page after saving it', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    render(App, { props: { api: fake.api } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const field = control(screen.getByLabelText('New API token'));
    expect(field.type).toBe('password');
    await fireEvent.input(field, { target: { value: TOKEN } });
    await fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));

    expect(await screen.findByText('The token works and was saved.')).toBeDefined();
    expect(field.value).toBe('');
    expect(html().outerHTML).not.toContain(TOKEN);
  });
});

describe('navigation', () => {
  it('ui.navigate from main opens the screen a notification points at', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    render(App, { props: { api: fake.api } });
    expect(await screen.findByRole('heading', { name: 'Contact updates' })).toBeDefined();
    expect(await screen.findByText('9223372036854775807')).toBeDefined();

    fake.emit('ui.navigate', { screen: 'history' });
    expect(await screen.findByRole('heading', { name: 'Sync history' })).toBeDefined();
    expect(await screen.findByText('3 changes')).toBeDefined();

    fake.emit('ui.navigate', { screen: 'settings-token' });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await waitFor(() => expect(activeElement()).toBe(screen.getByLabelText('New API token')));
  });

  it('moves between screens from the keyboard-reachable navigation', async () => {
    const fake = fakeApi({ settings: { language: 'en' } });
    render(App, { props: { api: fake.api } });
    await fireEvent.click(await screen.findByRole('button', { name: 'History' }));
    expect(await screen.findByRole('heading', { name: 'Sync history' })).toBeDefined();
    expect(fake.api.history.page).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Updates' }));
    expect(await screen.findByRole('heading', { name: 'Contact updates' })).toBeDefined();
  });
});
