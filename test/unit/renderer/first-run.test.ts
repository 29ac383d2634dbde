// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import { appState } from './fake-api.ts';
import {
  SETTINGS_TEST_TOKEN,
  control,
  descriptionOf,
  mountApp,
  noTokenState,
  page,
} from './settings-fixtures.ts';

afterEach(() => {
  cleanup();
});

const tokenField = () => screen.getByLabelText('API token from the AmootSMS panel');
const groupField = () => screen.getByLabelText('Contact group');
const testAndSave = () => screen.getByRole('button', { name: 'Test and save' });

describe('first run', () => {
  it('greets a fresh install with the app, its purpose and the token field, not the sections', async () => {
    mountApp({ state: noTokenState() });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Amoot Contact Sync' }),
    ).toBeDefined();
    expect(screen.getByText(messagesEn['ui.first-run.what'])).toBeDefined();
    expect(control(tokenField()).type).toBe('password');
    expect(control(groupField()).value).toBe('0');
    expect(screen.getByLabelText('Language')).toBeDefined();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('is not shown when a token is stored but could not be read: that problem is shown instead', async () => {
    const state = noTokenState({ problem: { key: 'token.keychain.locked' } });
    mountApp({ state });

    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeDefined();
    expect(screen.getByText(messagesEn['token.keychain.locked'])).toBeDefined();
    expect(screen.queryByText(messagesEn['ui.first-run.what'])).toBeNull();
  });

  it('saves the group before testing the token, then gives way to the Updates screen', async () => {
    const fake = mountApp({ state: noTokenState() });
    await fireEvent.input(await screen.findByLabelText('API token from the AmootSMS panel'), {
      target: { value: SETTINGS_TEST_TOKEN },
    });
    await fireEvent.input(groupField(), { target: { value: '۱۲' } });
    await fireEvent.click(testAndSave());

    await waitFor(() =>
      expect(fake.api.token.set).toHaveBeenCalledWith({ token: SETTINGS_TEST_TOKEN, test: true }),
    );
    expect(fake.api.settings.set).toHaveBeenCalledWith({ contactGroupId: '12' });
    const groupSaved = vi.mocked(fake.api.settings.set).mock.invocationCallOrder[0] ?? Infinity;
    const tokenSent = vi.mocked(fake.api.token.set).mock.invocationCallOrder[0] ?? -Infinity;
    expect(groupSaved).toBeLessThan(tokenSent);

    // Main reports the stored token; the window moves on by itself.
    fake.emit('state.changed', appState({ lastRun: null }));
    expect(await screen.findByRole('heading', { name: 'Contact updates' })).toBeDefined();
    expect(screen.queryByText(messagesEn['ui.first-run.what'])).toBeNull();
    expect(page().documentElement.outerHTML).not.toContain(SETTINGS_TEST_TOKEN);
  });

  it.each([
    ['-5', 'input.group.negative'],
    ['abc', 'input.group.not-integer'],
  ] as const)('refuses the group "%s" by the field, sending nothing', async (group, key) => {
    const fake = mountApp({ state: noTokenState() });
    await fireEvent.input(await screen.findByLabelText('API token from the AmootSMS panel'), {
      target: { value: SETTINGS_TEST_TOKEN },
    });
    await fireEvent.input(groupField(), { target: { value: group } });
    await fireEvent.click(testAndSave());

    expect(await screen.findByText(messagesEn[key])).toBeDefined();
    expect(descriptionOf(groupField())).toContain(messagesEn[key]);
    expect(control(groupField()).getAttribute('aria-invalid')).toBe('true');
    expect(fake.api.settings.set).not.toHaveBeenCalled();
    expect(fake.api.token.set).not.toHaveBeenCalled();
  });

  it('shows advice for a refused token in English, then in Persian after switching language', async () => {
    const fake = mountApp({ state: noTokenState() });
    vi.mocked(fake.api.token.set).mockResolvedValue({
      ok: false,
      message: { key: 'status.Token_Invalid' },
      errorKind: 'auth',
      canSaveUntested: false,
    });
    await fireEvent.input(await screen.findByLabelText('API token from the AmootSMS panel'), {
      target: { value: SETTINGS_TEST_TOKEN },
    });
    await fireEvent.click(testAndSave());

    expect(await screen.findByText(messagesEn['status.Token_Invalid'])).toBeDefined();
    expect(descriptionOf(tokenField())).toContain(messagesEn['status.Token_Invalid']);
    expect(screen.queryByRole('button', { name: 'Save without checking' })).toBeNull();

    await fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fa' } });
    expect(await screen.findByText(messagesFa['status.Token_Invalid'])).toBeDefined();
    await waitFor(() => expect(page().documentElement.dir).toBe('rtl'));
    expect(screen.getByRole('heading', { level: 1, name: messagesFa['app.name'] })).toBeDefined();
    // The token stays in the field, so it can be corrected rather than typed again.
    expect(control(screen.getByLabelText(messagesFa['ui.first-run.token-field'])).value).toBe(
      SETTINGS_TEST_TOKEN,
    );
  });

  it('offers to save without checking when the check was inconclusive, and then empties the field', async () => {
    const fake = mountApp({ state: noTokenState() });
    vi.mocked(fake.api.token.set).mockResolvedValueOnce({
      ok: false,
      message: { key: 'token.test.inconclusive' },
      errorKind: 'network',
      canSaveUntested: true,
    });
    await fireEvent.input(await screen.findByLabelText('API token from the AmootSMS panel'), {
      target: { value: SETTINGS_TEST_TOKEN },
    });
    await fireEvent.click(testAndSave());
    await fireEvent.click(await screen.findByRole('button', { name: 'Save without checking' }));

    await waitFor(() =>
      expect(fake.api.token.set).toHaveBeenLastCalledWith({
        token: SETTINGS_TEST_TOKEN,
        test: false,
      }),
    );
    expect(await screen.findByText(messagesEn['ui.token.saved-untested'])).toBeDefined();
    expect(control(tokenField()).value).toBe('');
  });

  it('speaks Persian from the start when that is the language', async () => {
    mountApp({ state: noTokenState(), settings: { language: 'fa' } });
    expect(
      await screen.findByRole('heading', { level: 1, name: messagesFa['app.name'] }),
    ).toBeDefined();
    expect(screen.getByText(messagesFa['ui.first-run.how'])).toBeDefined();
    expect(screen.getByRole('button', { name: messagesFa['ui.token.save'] })).toBeDefined();
  });

  it('warns before the token is entered that it will be forgotten at exit', async () => {
    mountApp({ state: noTokenState({ backend: 'memory', persistent: false }) });
    expect(await screen.findByText(messagesEn['token.backend.memory'])).toBeDefined();
  });
});
