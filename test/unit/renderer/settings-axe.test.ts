// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp, noTokenState, openSettings, SETTINGS_TEST_TOKEN } from './settings-fixtures.ts';

afterEach(() => {
  cleanup();
});

/** axe's findings in the page as it is now; colours are left to the e2e run (jsdom draws nothing). */
async function violations(): Promise<string[]> {
  const root = (globalThis as unknown as { document: { body: unknown } }).document.body;
  const result = await axe.run(root as never, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`,
  );
}

describe('accessibility (axe)', () => {
  it('finds nothing on the settings screen, with a refusal and the removal question open', async () => {
    const fake = await openSettings();
    vi.mocked(fake.api.token.set).mockResolvedValueOnce({
      ok: false,
      message: { key: 'token.test.inconclusive' },
      canSaveUntested: true,
    });
    await fireEvent.input(screen.getByLabelText('New API token'), {
      target: { value: SETTINGS_TEST_TOKEN },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Test and save' }));
    await screen.findByRole('button', { name: 'Save without checking' });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove token' }));
    expect(await violations()).toEqual([]);
  });

  it('finds nothing on the first-run screen', async () => {
    mountApp({ state: noTokenState() });
    await screen.findByLabelText('API token from the AmootSMS panel');
    expect(await violations()).toEqual([]);
  });
});
