// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { activeElement, view, openHistory, rows, runs, TITLE } from './history-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

async function ask(name = 'Clear history…') {
  await fireEvent.click(screen.getByRole('button', { name }));
  return screen.getByRole('alertdialog');
}

describe('clearing the history', () => {
  it('asks first, says what goes and what stays, and Cancel keeps everything', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    const trigger = screen.getByRole('button', { name: 'Clear history…' });
    const dialog = await ask();

    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(within(dialog).getByRole('heading', { name: 'Clear the sync history?' })).toBeDefined();
    expect(dialog.textContent).toMatch(/\(3 in all\) will be removed/);
    expect(dialog.textContent).toMatch(/Your contacts and the change log are kept/);
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    await vi.waitFor(() => expect(activeElement()).toBe(cancel));

    await fireEvent.click(cancel);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.api.history.clear).not.toHaveBeenCalled();
    expect(rows()).toHaveLength(3);
    await vi.waitFor(() => expect(activeElement()).toBe(trigger));
  });

  it('cancels on Escape', async () => {
    const { fake } = await openHistory({ runs: runs(2) });
    const dialog = await ask();
    await fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Cancel' }), {
      key: 'Escape',
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.api.history.clear).not.toHaveBeenCalled();
    expect(rows()).toHaveLength(2);
  });

  it('clears on confirmation, shows the empty history and says so politely', async () => {
    const { fake, history } = await openHistory({ runs: runs(30) });
    const dialog = await ask();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Clear history' }));

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
    expect(view(screen.getByRole('button', { name: 'Clear history…' })).disabled).toBe(true);
    await vi.waitFor(() =>
      expect(activeElement()).toBe(screen.getByRole('heading', { name: TITLE.en, level: 2 })),
    );
  });

  it('returns to the first page after clearing from a later one', async () => {
    const { fake, history } = await openHistory({ runs: runs(30) });
    await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    vi.mocked(fake.api.history.clear).mockImplementationOnce(async () => {
      history.runs.splice(0, history.runs.length - 2);
    });
    await fireEvent.click(within(await ask()).getByRole('button', { name: 'Clear history' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(history.queries().at(-1)).toEqual({ limit: 50 });
  });

  it('says so when main could not clear it, and keeps the list', async () => {
    const { fake } = await openHistory({ runs: runs(3) });
    vi.mocked(fake.api.history.clear).mockRejectedValueOnce(new Error('disk full'));
    const dialog = await ask();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Clear history' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/could not be cleared\. Try again/);
    expect(rows()).toHaveLength(3);
  });

  it('asks in Persian', async () => {
    await openHistory({ language: 'fa', runs: runs(2) });
    const dialog = await ask('پاک کردن تاریخچه…');
    expect(within(dialog).getByRole('heading').textContent).toBe('تاریخچهٔ همگام‌سازی پاک شود؟');
    expect(dialog.textContent).toMatch(/۲ مورد/);
    expect(within(dialog).getByRole('button', { name: 'انصراف' })).toBeDefined();
    expect(within(dialog).getByRole('button', { name: 'پاک کردن تاریخچه' })).toBeDefined();
  });
});
