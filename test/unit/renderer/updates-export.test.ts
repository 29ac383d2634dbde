// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ExportCsvResult } from '../../../common/ipc/contract.ts';
import { box, countLine, evenTotals, lastQuery, renderUpdates } from './updates-fixtures.ts';
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
