// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { NOW, run } from './fake-api.ts';
import {
  box,
  changeLog,
  countLine,
  evenTotals,
  lastQuery,
  NO_TOTALS,
  pause,
  renderUpdates,
} from './updates-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

const HOUR_MS = 3_600_000;

useFixedClockPerTest();

describe('kind chips', () => {
  it('show each kind with its count and narrow the list to the kinds switched on', async () => {
    const fake = await renderUpdates({
      totals: { added: 12, updated: 30, deleted: 7, restored: 0, missing: 1 },
    });
    expect(lastQuery(fake)).toEqual({ order: 'detected-time', limit: 100, offset: 0 });
    expect(countLine()).toBe('50 changes in all');
    const deleted = screen.getByRole('button', { name: /^Deleted\s+7$/ });
    expect(deleted.getAttribute('aria-pressed')).toBe('false');

    await fireEvent.click(deleted);
    await waitFor(() => expect(countLine()).toBe('7 changes match'));
    expect(lastQuery(fake)).toEqual({
      order: 'detected-time',
      kinds: ['deleted'],
      limit: 100,
      offset: 0,
    });
    expect(deleted.getAttribute('aria-pressed')).toBe('true');

    await fireEvent.click(screen.getByRole('button', { name: /^Added\s+12$/ }));
    await waitFor(() => expect(countLine()).toBe('19 changes match'));
    expect(lastQuery(fake)?.kinds).toEqual(['added', 'deleted']);

    await fireEvent.click(deleted);
    await fireEvent.click(screen.getByRole('button', { name: /^Added/ }));
    await waitFor(() => expect(countLine()).toBe('50 changes in all'));
    expect(lastQuery(fake)?.kinds).toBeUndefined();
  });

  it('write the counts in Persian digits in Persian', async () => {
    await renderUpdates({ language: 'fa', totals: { ...NO_TOTALS, added: 1234, missing: 1 } });
    expect(screen.getByTestId('updates-kind-added').textContent).toContain('۱٬۲۳۴');
    expect(screen.getByTestId('updates-kind-missing').textContent).toContain('ناپیدا');
    expect(countLine()).toBe('در مجموع ۱٬۲۳۵ تغییر');
  });
});

describe('time window', () => {
  it('sends the start of the last 24 hours and of the last 7 days from the app clock', async () => {
    const fake = await renderUpdates();
    const select = screen.getByLabelText('When detected');
    expect(box(select).value).toBe('all');

    await fireEvent.change(select, { target: { value: 'day' } });
    await waitFor(() => expect(lastQuery(fake)?.detectedSinceMs).toBe(NOW - 24 * HOUR_MS));
    await waitFor(() => expect(countLine()).toBe('3 changes match'));

    await fireEvent.change(select, { target: { value: 'week' } });
    await waitFor(() => expect(lastQuery(fake)?.detectedSinceMs).toBe(NOW - 7 * 24 * HOUR_MS));

    await fireEvent.change(select, { target: { value: 'all' } });
    await waitFor(() =>
      expect(lastQuery(fake)).toEqual({ order: 'detected-time', limit: 100, offset: 0 }),
    );
  });

  it('"since the last sync" starts at the newest run that committed', async () => {
    const fake = await renderUpdates();
    vi.mocked(fake.api.history.page).mockResolvedValue({
      runs: [
        run({ id: 'run-3', startedAtMs: NOW - HOUR_MS, outcome: 'failed', committed: false }),
        run({ id: 'run-2', startedAtMs: NOW - 5 * HOUR_MS, committed: true }),
        run({ id: 'run-1', startedAtMs: NOW - 9 * HOUR_MS, committed: true }),
      ],
      total: 3,
    });
    await fireEvent.change(screen.getByLabelText('When detected'), {
      target: { value: 'since-last-sync' },
    });
    await waitFor(() => expect(lastQuery(fake)?.detectedSinceMs).toBe(NOW - 5 * HOUR_MS));
  });

  it('"since the last sync" shows everything when no run has committed yet', async () => {
    const fake = await renderUpdates();
    vi.mocked(fake.api.history.page).mockResolvedValue({
      runs: [run({ outcome: 'failed', committed: false })],
      total: 1,
    });
    const calls = vi.mocked(fake.api.updates.page).mock.calls.length;
    await fireEvent.change(screen.getByLabelText('When detected'), {
      target: { value: 'since-last-sync' },
    });
    await waitFor(() => expect(vi.mocked(fake.api.updates.page).mock.calls.length).toBe(calls + 1));
    expect(lastQuery(fake)).toEqual({ order: 'detected-time', limit: 100, offset: 0 });
  });
});

describe('sort order', () => {
  it('asks for the newest server update first and marks that column as sorted', async () => {
    const fake = await renderUpdates();
    const header = screen.getByRole('columnheader', { name: 'Updated on the server' });
    expect(header.getAttribute('aria-sort')).toBe('none');
    await fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'server-time' } });
    await waitFor(() => expect(lastQuery(fake)?.order).toBe('server-time'));
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('descending'));
    // Sorting narrows nothing: the count still reads as the whole log.
    expect(countLine()).toBe('3 changes in all');
  });
});

describe('search by contact ID', () => {
  it('reads Persian digits as ASCII and sends them once typing pauses', async () => {
    const fake = await renderUpdates({ language: 'fa' });
    const input = screen.getByLabelText('جست‌وجو با شناسهٔ مخاطب');
    const calls = vi.mocked(fake.api.updates.page).mock.calls.length;
    await fireEvent.input(input, { target: { value: '۹' } });
    await fireEvent.input(input, { target: { value: '۹۱' } });
    await fireEvent.input(input, { target: { value: '۹۱۲' } });

    await waitFor(() => expect(lastQuery(fake)?.idPrefix).toBe('912'));
    await pause(250);
    // One query for the whole burst of typing, not one per key.
    expect(vi.mocked(fake.api.updates.page).mock.calls.length).toBe(calls + 1);
    expect(box(input).getAttribute('aria-invalid')).toBe('false');
  });

  it('reads Arabic-Indic digits too', async () => {
    const fake = await renderUpdates();
    await fireEvent.input(screen.getByLabelText('Search by contact ID'), {
      target: { value: ' ٣٤ ' },
    });
    await waitFor(() => expect(lastQuery(fake)?.idPrefix).toBe('34'));
  });

  it('explains instead of searching when the text is not an ID', async () => {
    const fake = await renderUpdates();
    const input = screen.getByLabelText('Search by contact ID');
    const calls = vi.mocked(fake.api.updates.page).mock.calls.length;

    await fireEvent.input(input, { target: { value: '12a' } });
    expect(screen.getByTestId('updates-search-hint').textContent).toBe(
      'A contact ID has digits only. Remove the other characters to search.',
    );
    expect(box(input).getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(input, { target: { value: '1'.repeat(20) } });
    expect(screen.getByTestId('updates-search-hint').textContent).toContain('at most 19 digits');
    await pause(300);
    expect(vi.mocked(fake.api.updates.page).mock.calls.length).toBe(calls);

    await fireEvent.input(input, { target: { value: '12' } });
    expect(screen.getByTestId('updates-search-hint').textContent).toBe('');
    await waitFor(() => expect(lastQuery(fake)?.idPrefix).toBe('12'));
  });
});

describe('empty states', () => {
  it('says there are no changes yet when the log is empty', async () => {
    await renderUpdates({ totals: NO_TOTALS });
    expect(screen.getByTestId('updates-empty').textContent).toContain('No contact changes yet');
    expect(screen.queryByTestId('updates-list')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('offers to clear the filters when nothing matches them', async () => {
    const fake = await renderUpdates({ totals: evenTotals(10) });
    const input = screen.getByLabelText('Search by contact ID');
    vi.mocked(fake.api.updates.page).mockResolvedValue({
      rows: [],
      total: 0,
      totalsByKind: NO_TOTALS,
    });
    await fireEvent.input(input, { target: { value: '555' } });
    expect(await screen.findByText('No changes match these filters.')).toBeDefined();
    expect(countLine()).toBe('0 changes match');

    vi.mocked(fake.api.updates.page).mockImplementation(changeLog(evenTotals(10)));
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(countLine()).toBe('10 changes in all'));
    expect(lastQuery(fake)).toEqual({ order: 'detected-time', limit: 100, offset: 0 });
    expect(box(input).value).toBe('');
    expect(screen.getByTestId('updates-list')).toBeDefined();
  });
});
