// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ExportCsvResult } from '../../../common/ipc/contract.ts';
import type { UpdatesPage } from '../../../common/ipc/view-types.ts';
import { NOW, run, type FakeApi } from './fake-api.ts';
import {
  box,
  changeLog,
  countLine,
  drawnRows,
  evenTotals,
  lastQuery,
  renderUpdates,
} from './updates-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

const exportButton = () => screen.getByRole('button', { name: 'Export CSV' });
const exportStatus = () => screen.getByTestId('updates-export-status').textContent ?? '';

describe('export CSV', () => {
  it('exports the rows the list shows and says where they were saved', async () => {
    const fake = await renderUpdates({ totals: evenTotals(5) });
    await fireEvent.click(screen.getByTestId('updates-kind-updated'));
    await fireEvent.change(screen.getByLabelText('When detected'), { target: { value: 'week' } });
    await waitFor(() => expect(countLine()).toBe('1 change matches'));
    const shown = lastQuery(fake);

    const path = '/home/office/Documents/contact-changes.csv';
    vi.mocked(fake.api.export.csv).mockResolvedValue({ ok: true, path });
    await fireEvent.click(exportButton());

    expect(fake.api.export.csv).toHaveBeenCalledWith({
      order: 'detected-time',
      kinds: ['updated'],
      detectedSinceMs: shown?.detectedSinceMs,
    });
    await waitFor(() => expect(exportStatus()).toContain(`The changes were saved to`));
    expect(exportStatus()).toContain(path);
  });

  it('is disabled while it runs and reports nothing when the save dialog is cancelled', async () => {
    const fake = await renderUpdates();
    let answer: (result: ExportCsvResult) => void = () => {};
    vi.mocked(fake.api.export.csv).mockImplementation(
      () => new Promise<ExportCsvResult>((resolve) => (answer = resolve)),
    );
    await fireEvent.click(exportButton());
    await fireEvent.click(exportButton());
    expect(fake.api.export.csv).toHaveBeenCalledTimes(1);
    expect(box(exportButton()).disabled).toBe(true);
    expect(exportStatus()).toBe('Exporting…');

    answer({ ok: false, cancelled: true });
    await waitFor(() => expect(box(exportButton()).disabled).toBe(false));
    expect(exportStatus()).toBe('');
  });

  it('shows why main could not write the file, in the current language', async () => {
    const fake = await renderUpdates({ language: 'fa' });
    vi.mocked(fake.api.export.csv).mockResolvedValue({
      ok: false,
      message: { key: 'ui.updates.export.error' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'خروجی CSV' }));
    // Main's reason is a value inside the sentence, isolated so it keeps its own direction.
    await waitFor(() => expect(exportStatus()).toMatch(/^ساخت خروجی ناموفق بود: /));
    expect(exportStatus()).toContain('ساخت خروجی آغاز نشد');
  });

  it('explains when the call itself fails', async () => {
    const fake = await renderUpdates();
    vi.mocked(fake.api.export.csv).mockRejectedValue(new Error('channel closed'));
    await fireEvent.click(exportButton());
    await waitFor(() =>
      expect(exportStatus()).toBe(
        'The export could not be started. Try again; if it keeps failing, restart the app.',
      ),
    );
  });
});

/**
 * Main answers the list's queries only when `release` is called, as on a busy machine: the list
 * still shows the old rows while the user goes on to Export.
 */
function slowUpdates(fake: FakeApi): { release(): void } {
  const answer = changeLog(evenTotals(5));
  const waiting: (() => void)[] = [];
  vi.mocked(fake.api.updates.page).mockImplementation(
    (query) =>
      new Promise<UpdatesPage>((resolve) => waiting.push(() => void answer(query).then(resolve))),
  );
  return { release: () => waiting.splice(0).forEach((answerNow) => answerNow()) };
}

describe('export CSV before the list has redrawn', () => {
  it('exports the kind just picked, not the rows still drawn', async () => {
    const fake = await renderUpdates({ totals: evenTotals(5) });
    expect(countLine()).toBe('5 changes in all');
    const main = slowUpdates(fake);

    await fireEvent.click(screen.getByTestId('updates-kind-deleted'));
    await fireEvent.click(exportButton());
    // The list has not redrawn: it still shows the five changes of every kind.
    expect(drawnRows()).toHaveLength(5);
    expect(fake.api.export.csv).toHaveBeenCalledWith({
      order: 'detected-time',
      kinds: ['deleted'],
    });

    main.release();
    await waitFor(() => expect(countLine()).toBe('1 change matches'));
  });

  it('exports the ID typed when Export takes the focus from the search field', async () => {
    const fake = await renderUpdates({ totals: evenTotals(5) });
    const main = slowUpdates(fake);
    const search = screen.getByLabelText('Search by contact ID');

    await fireEvent.input(search, { target: { value: '۹۰۰' } });
    // Pressing Export moves the focus away from the field, which commits what was typed.
    await fireEvent.change(search);
    await fireEvent.click(exportButton());
    expect(fake.api.export.csv).toHaveBeenCalledWith({ order: 'detected-time', idPrefix: '900' });
    main.release();
  });

  it('waits for the start of "since the last sync" instead of exporting the previous window', async () => {
    const fake = await renderUpdates({ totals: evenTotals(5) });
    slowUpdates(fake);
    let historyAnswers: () => void = () => {};
    vi.mocked(fake.api.history.page).mockImplementation(
      () =>
        new Promise((resolve) => {
          historyAnswers = () =>
            resolve({ runs: [run({ startedAtMs: NOW - 3_600_000, committed: true })], total: 1 });
        }),
    );

    await fireEvent.change(screen.getByLabelText('When detected'), {
      target: { value: 'since-last-sync' },
    });
    // Its start is not known yet: there is nothing right to export.
    expect(box(exportButton()).disabled).toBe(true);
    historyAnswers();
    await waitFor(() => expect(box(exportButton()).disabled).toBe(false));
    await fireEvent.click(exportButton());
    expect(fake.api.export.csv).toHaveBeenCalledWith({
      order: 'detected-time',
      detectedSinceMs: NOW - 3_600_000,
    });
  });
});
