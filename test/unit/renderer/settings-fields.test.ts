// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMessage } from '../../../common/i18n/format-message.ts';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../common/settings.ts';
import { control, descriptionOf, openSettings, typeAndLeave } from './settings-fixtures.ts';

afterEach(() => {
  cleanup();
});

const { min, max } = SETTINGS_LIMITS.syncIntervalMinutes;
const intervalMessage = formatMessage('en', 'settings.sync-interval.invalid', { min, max });

describe('contact group', () => {
  it.each([
    ['-5', 'input.group.negative'],
    ['abc', 'input.group.not-integer'],
  ] as const)('refuses "%s" beside the field without asking main', async (typed, key) => {
    const fake = await openSettings();
    const field = screen.getByLabelText('Contact group');
    await typeAndLeave(field, typed);

    expect(await screen.findByText(messagesEn[key])).toBeDefined();
    expect(descriptionOf(field)).toContain(messagesEn[key]);
    expect(control(field).getAttribute('aria-invalid')).toBe('true');
    expect(control(field).value).toBe(typed);
    expect(fake.api.settings.set).not.toHaveBeenCalled();
  });

  it('reads Persian digits and saves the number main understands', async () => {
    const fake = await openSettings();
    const field = screen.getByLabelText('Contact group');
    await typeAndLeave(field, '۱۲');

    expect(fake.api.settings.set).toHaveBeenCalledWith({ contactGroupId: '12' });
    const sync = screen.getByTestId('settings-sync');
    expect(await within(sync).findByText('Saved')).toBeDefined();
    expect(control(field).value).toBe('12');
  });
});

describe('sync interval', () => {
  it("shows main's refusal next to the field and puts the saved value back", async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.settings.set).mockResolvedValueOnce({
      ok: false,
      field: 'syncIntervalMinutes',
      message: { key: 'settings.sync-interval.invalid', params: { min, max } },
    });
    const field = screen.getByLabelText('Sync every (minutes)');
    await typeAndLeave(field, '30');

    expect(fake.api.settings.set).toHaveBeenCalledWith({ syncIntervalMinutes: 30 });
    await waitFor(() => expect(descriptionOf(field)).toContain(intervalMessage));
    expect(control(field).value).toBe(String(DEFAULT_SETTINGS.syncIntervalMinutes));
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('refuses a value out of range before sending it', async () => {
    const fake = await openSettings();
    const field = screen.getByLabelText('Sync every (minutes)');
    await typeAndLeave(field, String(max + 1));
    expect(descriptionOf(field)).toContain(intervalMessage);
    expect(fake.api.settings.set).not.toHaveBeenCalled();
  });

  it('takes Persian digits, and shows them in Persian', async () => {
    const fake = await openSettings({ settings: { language: 'fa' } });
    const field = screen.getByLabelText(messagesFa['ui.settings.interval']);
    expect(control(field).value).toBe('۱۵');
    await typeAndLeave(field, '۳۰');
    expect(fake.api.settings.set).toHaveBeenCalledWith({ syncIntervalMinutes: 30 });
    expect(await screen.findByText(messagesFa['ui.settings.saved'])).toBeDefined();
  });
});

describe('choices', () => {
  it('saves the notification level, and puts back a refused one', async () => {
    const fake = await openSettings();
    await fireEvent.click(screen.getByLabelText('Only when a sync fails'));
    expect(fake.api.settings.set).toHaveBeenCalledWith({ notifications: 'errors' });

    vi.mocked(fake.api.settings.set).mockResolvedValueOnce({
      ok: false,
      field: 'notifications',
      message: { key: 'settings.notifications.invalid' },
    });
    await fireEvent.click(screen.getByLabelText('Never'));
    expect(await screen.findByText(messagesEn['settings.notifications.invalid'])).toBeDefined();
    expect(control(screen.getByLabelText('Never')).checked).toBe(false);
    expect(control(screen.getByLabelText('Only when a sync fails')).checked).toBe(true);
  });

  it('saves the start-up switches', async () => {
    const fake = await openSettings();
    await fireEvent.click(screen.getByLabelText('Start when I sign in to the computer'));
    expect(fake.api.settings.set).toHaveBeenCalledWith({ startAtLogin: true });
    await fireEvent.click(screen.getByLabelText('Start hidden in the tray'));
    expect(fake.api.settings.set).toHaveBeenLastCalledWith({ startHidden: true });
    await waitFor(() =>
      expect(control(screen.getByLabelText('Start hidden in the tray')).checked).toBe(true),
    );
  });

  it('flips start at sign-in back, without a word, when the user said no in main’s dialog', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.settings.set).mockResolvedValueOnce({ ok: false, cancelled: true });
    const box = screen.getByLabelText('Start when I sign in to the computer');
    await fireEvent.click(box);

    expect(fake.api.settings.set).toHaveBeenCalledWith({ startAtLogin: true });
    await waitFor(() => expect(control(box).checked).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('saves the theme', async () => {
    const fake = await openSettings();
    await fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(fake.api.settings.set).toHaveBeenCalledWith({ theme: 'dark' });
  });
});

describe('advanced', () => {
  it('is folded away until opened', async () => {
    await openSettings();
    const advanced = control(screen.getByTestId('settings-advanced'));
    expect(advanced.open).toBe(false);
  });

  it('refuses a plain-http address before sending it, and saves an https one', async () => {
    const fake = await openSettings();
    const field = screen.getByLabelText('AmootSMS API address');
    await typeAndLeave(field, 'http://portal.example.com/rest');
    expect(descriptionOf(field)).toContain(messagesEn['input.base-url.insecure']);
    expect(fake.api.settings.set).not.toHaveBeenCalled();

    await typeAndLeave(field, 'https://portal.example.com/rest/');
    expect(fake.api.settings.set).toHaveBeenCalledWith({
      baseUrl: 'https://portal.example.com/rest',
    });
  });

  it('shows the saved address again, without a word, when the user said no to another server', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.settings.set).mockResolvedValueOnce({ ok: false, cancelled: true });
    const field = screen.getByLabelText('AmootSMS API address');
    await typeAndLeave(field, 'https://api.example.net/rest');

    expect(fake.api.settings.set).toHaveBeenCalledWith({ baseUrl: 'https://api.example.net/rest' });
    await waitFor(() => expect(control(field).value).toBe(DEFAULT_SETTINGS.baseUrl));
    expect(control(field).getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('checks the time zone name, with suggestions', async () => {
    const fake = await openSettings();
    const field = screen.getByLabelText('Server time zone');
    const list = control(field).getAttribute('list') ?? '';
    expect(list).not.toBe('');

    await typeAndLeave(field, 'Mars/Olympus');
    expect(descriptionOf(field)).toContain('"Mars/Olympus" is not a known time zone name');
    expect(fake.api.settings.set).not.toHaveBeenCalled();

    await typeAndLeave(field, 'Europe/London');
    expect(fake.api.settings.set).toHaveBeenCalledWith({ serverTimeZone: 'Europe/London' });
  });
});

describe('about', () => {
  it('shows the version as the app gives it, in both languages', async () => {
    await openSettings({ version: '2.10.0-beta.3' });
    expect(screen.getByTestId('app-version').textContent?.trim()).toBe('Version 2.10.0-beta.3');
    await fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fa' } });
    await waitFor(() =>
      // Isolated (U+2068…U+2069), so the version keeps its left-to-right order in Persian.
      expect(screen.getByTestId('app-version').textContent?.trim()).toBe(
        'نسخهٔ \u20682.10.0-beta.3\u2069',
      ),
    );
  });

  it('says so when the version is unknown', async () => {
    await openSettings({ version: null });
    expect(screen.getByTestId('app-version').textContent?.trim()).toBe('Version unknown');
  });

  it('opens the logs folder, and says where it is when that fails', async () => {
    const fake = await openSettings();
    const path = '/home/u/.config/Amoot Contact Sync/logs';
    vi.mocked(fake.api.logs.open).mockResolvedValueOnce({
      ok: false,
      message: { key: 'app.logs.open-failed', params: { path } },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Open logs folder' }));
    expect(fake.api.logs.open).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('alert')).toBeDefined();
    expect(screen.getByText(formatMessage('en', 'app.logs.open-failed', { path }))).toBeDefined();
  });
});
