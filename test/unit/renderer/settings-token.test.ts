// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import type { TokenSetResult } from '../../../common/ipc/contract.ts';
import type { TokenStatus } from '../../../common/ipc/view-types.ts';
import { appState } from './fake-api.ts';
import {
  SETTINGS_TEST_TOKEN,
  activeElement,
  control,
  deferred,
  descriptionOf,
  openSettings,
  page,
} from './settings-fixtures.ts';

afterEach(() => {
  cleanup();
});

const tokenField = () => screen.getByLabelText('New API token');
const withToken = (token: Partial<TokenStatus>) =>
  appState({ token: { present: true, backend: 'keychain', persistent: true, ...token } });

async function enterToken(): Promise<void> {
  await fireEvent.input(tokenField(), { target: { value: SETTINGS_TEST_TOKEN } });
}

describe('where the token is kept', () => {
  it.each([
    ['win32', 'keychain', 'Windows Credential Manager'],
    ['darwin', 'keychain', 'macOS Keychain'],
    ['linux', 'keychain', 'Secret Service (GNOME Keyring / KWallet)'],
    ['darwin', 'safe-storage', 'An encrypted file protected by the operating system'],
  ] as const)('names the place on %s with %s', async (platform, backend, place) => {
    await openSettings({ platform, state: withToken({ backend }) });
    expect(screen.getByTestId('token-backend').textContent?.trim()).toBe(place);
    expect(screen.getByTestId('token-status').textContent).toContain('A token is saved.');
  });

  it('warns that a token kept in memory is forgotten when the app quits', async () => {
    await openSettings({ state: withToken({ backend: 'memory', persistent: false }) });
    expect(screen.getByTestId('token-backend').textContent?.trim()).toBe(
      messagesEn['ui.token.where.memory'],
    );
    expect(screen.getByText(messagesEn['token.backend.memory'])).toBeDefined();
  });

  it('shows why a stored token could not be read', async () => {
    const problem = { key: 'token.keychain.locked' } as const;
    await openSettings({ state: withToken({ present: false, problem }) });
    expect(screen.getByTestId('token-problem').textContent).toBe(
      messagesEn['token.keychain.locked'],
    );
    expect(screen.getByTestId('token-status').textContent).toContain('No token is saved yet.');
  });
});

describe('entering a token', () => {
  it('shows and hides the token on request', async () => {
    await openSettings();
    const toggle = screen.getByRole('button', { name: 'Show token' });
    expect(control(tokenField()).type).toBe('password');
    expect(control(tokenField()).getAttribute('dir')).toBe('ltr');
    expect(control(toggle).getAttribute('aria-pressed')).toBe('false');

    await fireEvent.click(toggle);
    expect(control(tokenField()).type).toBe('text');
    expect(control(toggle).getAttribute('aria-pressed')).toBe('true');
    expect(control(toggle).textContent?.trim()).toBe('Hide token');

    await fireEvent.click(toggle);
    expect(control(tokenField()).type).toBe('password');
  });

  it('tests once however often it is clicked, with progress while it runs', async () => {
    const fake = await openSettings();
    const answer = deferred<TokenSetResult>();
    vi.mocked(fake.api.token.set).mockReturnValue(answer.promise);
    await enterToken();
    const button = screen.getByRole('button', { name: 'Test and save' });

    await fireEvent.click(button);
    await fireEvent.click(button);
    await fireEvent.submit(button);
    expect(fake.api.token.set).toHaveBeenCalledTimes(1);
    expect(screen.getByText(messagesEn['ui.token.testing'])).toBeDefined();
    expect(control(button).disabled).toBe(true);

    answer.resolve({ ok: true });
    expect(await screen.findByText(messagesEn['ui.token.saved'])).toBeDefined();
    expect(control(tokenField()).value).toBe('');
    expect(control(button).disabled).toBe(false);
  });

  it('keeps the token in the field and says nothing when the user said no in main’s dialog', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.token.set).mockResolvedValueOnce({ ok: false, cancelled: true });
    await enterToken();
    const button = screen.getByRole('button', { name: 'Test and save' });
    await fireEvent.click(button);

    await waitFor(() => expect(control(button).disabled).toBe(false));
    expect(control(tokenField()).value).toBe(SETTINGS_TEST_TOKEN);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(messagesEn['ui.token.saved'])).toBeNull();
    expect(control(tokenField()).getAttribute('aria-invalid')).toBe('false');
  });

  it('asks for a token instead of sending an empty one', async () => {
    const fake = await openSettings();
    await fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    expect(await screen.findByText(messagesEn['input.token.empty'])).toBeDefined();
    expect(control(tokenField()).getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(tokenField())).toContain(messagesEn['input.token.empty']);
    expect(fake.api.token.set).not.toHaveBeenCalled();
  });

  it('shows a refusal with its advice in Persian, and saving anyway only when it is allowed', async () => {
    const fake = await openSettings({ settings: { language: 'fa' } });
    vi.mocked(fake.api.token.set).mockResolvedValueOnce({
      ok: false,
      message: { key: 'input.token.whitespace' },
      canSaveUntested: false,
    });
    const field = screen.getByLabelText(messagesFa['ui.token.field']);
    const save = screen.getByRole('button', { name: messagesFa['ui.token.save'] });
    await fireEvent.input(field, { target: { value: SETTINGS_TEST_TOKEN } });
    await fireEvent.click(save);
    expect(await screen.findByText(messagesFa['input.token.whitespace'])).toBeDefined();
    expect(screen.queryByRole('button', { name: messagesFa['ui.token.save-untested'] })).toBeNull();

    vi.mocked(fake.api.token.set).mockResolvedValueOnce({
      ok: false,
      message: { key: 'app.token.test-inconclusive' },
      errorKind: 'timeout',
      canSaveUntested: true,
    });
    await fireEvent.click(save);
    expect(await screen.findByText(messagesFa['app.token.test-inconclusive'])).toBeDefined();
    expect(descriptionOf(field)).toContain(messagesFa['app.token.test-inconclusive']);
    await fireEvent.click(
      screen.getByRole('button', { name: messagesFa['ui.token.save-untested'] }),
    );

    expect(fake.api.token.set).toHaveBeenLastCalledWith({
      token: SETTINGS_TEST_TOKEN,
      test: false,
    });
    expect(await screen.findByText(messagesFa['ui.token.saved-untested'])).toBeDefined();
    expect(control(field).value).toBe('');
    expect(page().documentElement.outerHTML).not.toContain(SETTINGS_TEST_TOKEN);
  });

  it('pastes from the clipboard into the field', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.clipboard.read).mockResolvedValueOnce({
      ok: true,
      text: SETTINGS_TEST_TOKEN,
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Paste' }));
    await waitFor(() => expect(control(tokenField()).value).toBe(SETTINGS_TEST_TOKEN));
    expect(activeElement()).toBe(tokenField());
    expect(fake.api.token.set).not.toHaveBeenCalled();
  });

  it.each([
    ['no-gesture', 'ui.token.paste.no-gesture'],
    ['no-token', 'ui.token.paste.no-token'],
  ] as const)(
    'says what to do, in both languages, when main answers Paste with %s',
    async (refused, key) => {
      for (const language of ['en', 'fa'] as const) {
        const fake = await openSettings({ settings: { language } });
        vi.mocked(fake.api.clipboard.read).mockResolvedValueOnce({ ok: false, refused });
        const paste = language === 'en' ? 'Paste' : messagesFa['ui.token.paste'];
        await fireEvent.click(screen.getByRole('button', { name: paste }));
        const catalogue = language === 'en' ? messagesEn : messagesFa;
        expect(await screen.findByText(catalogue[key])).toBeDefined();
        const field = control(screen.getByTestId('token-input'));
        expect(field.value).toBe('');
        expect(field.getAttribute('aria-invalid')).toBe('false');
        cleanup();
      }
    },
  );

  it.each([
    ['linux', 'ui.token.paste-failed'],
    ['darwin', 'ui.token.paste-failed.mac'],
  ] as const)(
    'says how to paste by keyboard on %s when the clipboard is refused',
    async (platform, key) => {
      const fake = await openSettings({ platform });
      vi.mocked(fake.api.clipboard.read).mockRejectedValueOnce(new Error('no clipboard'));
      await fireEvent.click(screen.getByRole('button', { name: 'Paste' }));
      expect(await screen.findByText(messagesEn[key])).toBeDefined();
      // Nothing is wrong with the field itself.
      expect(control(tokenField()).getAttribute('aria-invalid')).toBe('false');
    },
  );
});

describe('the saved token', () => {
  it('is tested on request, with the answer shown', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.token.test).mockResolvedValueOnce({
      ok: false,
      message: { key: 'status.Token_NotAllowIP' },
      errorKind: 'auth',
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Test saved token' }));
    expect(await screen.findByText(messagesEn['status.Token_NotAllowIP'])).toBeDefined();

    await fireEvent.click(screen.getByRole('button', { name: 'Test saved token' }));
    expect(await screen.findByText(messagesEn['ui.token.test-saved.ok'])).toBeDefined();
    expect(fake.api.token.test).toHaveBeenCalledTimes(2);
  });

  it('is removed at one click: main asks the user in its own dialog, not the page', async () => {
    const fake = await openSettings();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(screen.queryByRole('button', { name: /keep the token|yes, remove/i })).toBeNull();
    expect(fake.api.token.clear).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(messagesEn['ui.token.removed'])).toBeDefined();
  });

  it('says nothing when the user answered no in main’s dialog', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.token.clear).mockResolvedValueOnce({ ok: false, cancelled: true });
    const remove = screen.getByRole('button', { name: 'Remove token' });
    await fireEvent.click(remove);
    await waitFor(() => expect(control(remove).disabled).toBe(false));
    expect(screen.queryByText(messagesEn['ui.token.removed'])).toBeNull();
    expect(screen.queryByTestId('token-action-error')).toBeNull();
  });

  it('says why it could not be removed', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.token.clear).mockResolvedValueOnce({
      ok: false,
      message: { key: 'token.keychain.denied' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(await screen.findByText(messagesEn['token.keychain.denied'])).toBeDefined();
  });

  it('once removed, the window asks for a new one on the first-run screen', async () => {
    const fake = await openSettings();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    fake.emit(
      'state.changed',
      appState({ token: { present: false, backend: 'keychain', persistent: true } }),
    );
    expect(await screen.findByLabelText('API token from the AmootSMS panel')).toBeDefined();
  });
});
