// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import { appState, fakeApi, run } from './fake-api.ts';

afterEach(() => cleanup());

const focused = (): unknown =>
  (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

describe('each banner offers what deals with it', () => {
  it('resumes syncing from the paused banner', async () => {
    const fake = fakeApi({ state: appState({ paused: { untilResumed: true } }) });
    render(App, { api: fake.api });
    await fireEvent.click(await screen.findByRole('button', { name: 'Resume syncing' }));
    expect(fake.api.sync.resume).toHaveBeenCalledTimes(1);
  });

  it('takes a rejected token to the token field in Settings', async () => {
    const fake = fakeApi({ state: appState({ blocked: 'auth' }) });
    render(App, { api: fake.api });
    await fireEvent.click(await screen.findByRole('button', { name: 'Fix the token' }));
    await waitFor(() => expect(focused()).toBe(screen.getByLabelText('New API token')));
  });

  it('tries a failed sync again at once', async () => {
    const fake = fakeApi({
      state: appState({
        lastRun: run({
          outcome: 'failed',
          errorKind: 'server',
          message: { key: 'status.ServerError' },
        }),
      }),
    });
    render(App, { api: fake.api });
    const banner = await screen.findByText(
      /The last sync failed: AmootSMS reported a server error/,
    );
    expect(banner).toBeDefined();
    await fireEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(fake.api.sync.now).toHaveBeenCalledTimes(1);
  });

  it('speaks Persian on its buttons too', async () => {
    const fake = fakeApi({ state: appState({ blocked: 'input' }), settings: { language: 'fa' } });
    render(App, { api: fake.api });
    expect(await screen.findByRole('button', { name: 'باز کردن تنظیمات' })).toBeDefined();
  });
});
