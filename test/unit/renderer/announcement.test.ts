// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import { appState, fakeApi, run } from './fake-api.ts';

afterEach(() => cleanup());

/** The root tsconfig checks tests without the DOM library. */
const pageLanguage = (): string =>
  (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
    .documentElement.lang;
const announced = () => screen.getByTestId('sync-announcement').textContent?.trim() ?? '';

describe('the live region that announces sync results', () => {
  it('stays silent about the run already shown, then announces each run that ends', async () => {
    const fake = fakeApi({ state: appState({ lastRun: run({ id: 'old' }) }) });
    render(App, { api: fake.api });
    await waitFor(() => expect(screen.getByTestId('last-sync').textContent).toMatch(/Last sync/));
    expect(announced()).toBe('');

    // A run starts (shown as running), then ends with 3 changed contacts.
    fake.emit(
      'state.changed',
      appState({ syncing: true, lastRun: run({ id: 'new', outcome: 'running', counts: null }) }),
    );
    await waitFor(() => expect(announced()).toBe(''));
    fake.emit('state.changed', appState({ lastRun: run({ id: 'new' }) }));
    await waitFor(() => expect(announced()).toBe('Sync finished: 3 contacts changed.'));

    fake.emit(
      'state.changed',
      appState({
        lastRun: run({
          id: 'failed',
          outcome: 'failed',
          counts: null,
          errorKind: 'auth',
          message: { key: 'status.Token_Expired' },
        }),
      }),
    );
    await waitFor(() => expect(announced()).toMatch(/^Sync failed\. This token has expired\./));
  });

  it('speaks Persian with Persian digits and the singular where the count is one', async () => {
    const fake = fakeApi({ state: appState(), settings: { language: 'fa' } });
    render(App, { api: fake.api });
    await waitFor(() => expect(pageLanguage()).toBe('fa'));
    const one = run({
      id: 'one',
      counts: {
        received: 5,
        added: 0,
        updated: 1,
        deleted: 0,
        restored: 0,
        missing: 0,
        unchanged: 4,
      },
    });
    fake.emit('state.changed', appState({ lastRun: one }));
    await waitFor(() => expect(announced()).toBe('همگام‌سازی تمام شد: ۱ مخاطب تغییر کرد.'));
  });

  it('uses the English singular for one contact', async () => {
    const fake = fakeApi({ state: appState() });
    render(App, { api: fake.api });
    await waitFor(() => expect(screen.getByTestId('last-sync')).toBeTruthy());
    fake.emit(
      'state.changed',
      appState({
        lastRun: run({
          id: 'baseline',
          outcome: 'baseline',
          counts: {
            received: 1,
            added: 1,
            updated: 0,
            deleted: 0,
            restored: 0,
            missing: 0,
            unchanged: 0,
          },
        }),
      }),
    );
    await waitFor(() => expect(announced()).toBe('First sync finished: 1 contact saved.'));
  });
});
