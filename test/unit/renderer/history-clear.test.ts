// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { activeElement, view, openHistory, rows, runs, TITLE } from './history-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

const clearButton = (name = 'Clear history…') => screen.getByRole('button', { name });

describe('clearing the history', () => {
  it('asks nothing itself: main asks the user, once, in its own dialog', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    await fireEvent.click(clearButton());

    expect(fake.api.history.clear).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('clears, shows the empty history and says so politely', async () => {
    const { fake, history } = await openHistory({ runs: runs(30) });
    await fireEvent.click(clearButton());

    expect(fake.api.history.clear).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId('history-empty')).toBeDefined();
    expect(rows()).toHaveLength(0);
    expect(screen.queryByTestId('history-chart')).toBeNull();
    expect(history.queries().at(-1)).toEqual({ limit: 50 });
    await waitFor(() => {
      const said = screen.getAllByRole('status').map((region) => region.textContent ?? '');
      expect(said).toContain(
        'The sync history was cleared. Your contacts and the change log were kept.',
      );
    });
    expect(view(clearButton()).disabled).toBe(true);
    await vi.waitFor(() =>
      expect(activeElement()).toBe(screen.getByRole('heading', { name: TITLE.en, level: 2 })),
    );
  });

  it('says nothing and keeps the list when the user answered no in main’s dialog', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    vi.mocked(fake.api.history.clear).mockResolvedValueOnce({ ok: false, cancelled: true });
    await fireEvent.click(clearButton());

    await vi.waitFor(() => expect(activeElement()).toBe(clearButton()));
    expect(rows()).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('status').map((region) => region.textContent?.trim())).not.toContain(
      'The sync history was cleared. Your contacts and the change log were kept.',
    );
    expect(view(clearButton()).disabled).toBe(false);
  });

  it('returns to the first page after clearing from a later one', async () => {
    const { fake, history } = await openHistory({ runs: runs(30) });
    await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    vi.mocked(fake.api.history.clear).mockImplementationOnce(async () => {
      history.runs.splice(0, history.runs.length - 2);
      return { ok: true };
    });
    await fireEvent.click(clearButton());
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(history.queries().at(-1)).toEqual({ limit: 50 });
  });

  it('shows main’s own reason (another process writing) and keeps the list', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    vi.mocked(fake.api.history.clear).mockResolvedValueOnce({
      ok: false,
      message: { key: 'store.busy' },
    });
    await fireEvent.click(clearButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/another/i);
    expect(rows()).toHaveLength(3);
  });

  it('says so when main did not answer, and keeps the list', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    vi.mocked(fake.api.history.clear).mockRejectedValueOnce(new Error('disk full'));
    await fireEvent.click(clearButton());

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be cleared\. Try again/);
    expect(rows()).toHaveLength(3);
  });

  it('is labelled in Persian', async () => {
    const { fake } = await openHistory({ language: 'fa', runs: runs(2) });
    await fireEvent.click(clearButton('پاک کردن تاریخچه…'));
    expect(fake.api.history.clear).toHaveBeenCalledTimes(1);
  });
});
