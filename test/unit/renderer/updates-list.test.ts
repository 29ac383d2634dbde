// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import type { UpdatesPage } from '../../../common/ipc/view-types.ts';
import { fakeApi } from './fake-api.ts';
import {
  activeElement,
  box,
  changeLog,
  countLine,
  drawnRows,
  evenTotals,
  idAt,
  lastQuery,
  renderUpdates,
} from './updates-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

const MILLION = 1_000_000;
const ROW_PX = 36;

useFixedClockPerTest();

const list = () => box(screen.getByTestId('updates-list'));
const rowIndexes = () => drawnRows().map((row) => Number(row.getAttribute('aria-rowindex')));

async function scrollListTo(top: number): Promise<void> {
  list().scrollTop = top;
  await fireEvent.scroll(screen.getByTestId('updates-list'));
}

describe('loading', () => {
  it('marks the screen busy for assistive technology until main first answers', async () => {
    const fake = fakeApi();
    let answer: (page: UpdatesPage) => void = () => {};
    vi.mocked(fake.api.updates.page).mockImplementation(
      () => new Promise<UpdatesPage>((resolve) => (answer = resolve)),
    );
    render(App, { props: { api: fake.api } });
    const section = await screen.findByRole('region', { name: 'Contact updates' });
    await waitFor(() => expect(fake.api.updates.page).toHaveBeenCalled());
    expect(section.getAttribute('aria-busy')).toBe('true');

    answer(await changeLog(evenTotals(3))({ order: 'detected-time', limit: 100 }));
    await waitFor(() => expect(section.getAttribute('aria-busy')).toBe('false'));
    expect(drawnRows()).toHaveLength(3);
  });
});

describe('a million changes', () => {
  it('draws at most 100 rows and tells assistive technology the real size', async () => {
    const fake = await renderUpdates({ totals: evenTotals(MILLION) });
    expect(countLine()).toBe('1,000,000 changes in all');
    expect(list().getAttribute('aria-rowcount')).toBe(String(MILLION + 1));
    await waitFor(() => expect(screen.getAllByTestId('updates-row').length).toBeGreaterThan(5));
    expect(drawnRows().length).toBeLessThanOrEqual(100);
    expect(rowIndexes()[0]).toBe(2);
    expect(screen.getByText(idAt(0))).toBeDefined();
    // Only the first page was asked for, not the million rows.
    expect(vi.mocked(fake.api.updates.page).mock.calls.map((call) => call[0].offset)).toEqual([0]);
  });

  it('reaches the last rows when scrolled to the end, fetching only that page', async () => {
    const fake = await renderUpdates({ totals: evenTotals(MILLION) });
    await scrollListTo(40_000_000);

    // Placeholders hold the place while the page loads, then the rows arrive.
    expect(screen.getAllByTestId('updates-row-loading').length).toBeGreaterThan(5);
    await waitFor(() => expect(screen.getByText(idAt(MILLION - 1))).toBeDefined());
    expect(rowIndexes().at(-1)).toBe(MILLION + 1);
    expect(drawnRows().length).toBeLessThanOrEqual(100);
    expect(lastQuery(fake)).toMatchObject({ offset: MILLION - 100, limit: 100 });
    expect(screen.queryAllByTestId('updates-row-loading')).toEqual([]);
  });

  it('jumps to the middle of the list in one step', async () => {
    await renderUpdates({ totals: evenTotals(MILLION) });
    const maxScroll = 15_000_000 - (480 - ROW_PX);
    await scrollListTo(maxScroll / 2);
    await waitFor(() => expect(screen.getAllByTestId('updates-row').length).toBeGreaterThan(5));
    const middle = rowIndexes()[0] ?? 0;
    expect(middle).toBeGreaterThan(MILLION / 2 - 100);
    expect(middle).toBeLessThan(MILLION / 2 + 100);
  });
});

describe('keyboard', () => {
  it('moves a highlighted row with the arrow, page and end keys and keeps it in view', async () => {
    await renderUpdates({ totals: evenTotals(5000) });
    const grid = screen.getByTestId('updates-list');
    box(grid).focus();
    await fireEvent.focus(grid);
    expect(activeElement()).toBe(grid);
    const active = () => {
      const id = list().getAttribute('aria-activedescendant');
      return id === null ? null : box(document_().getElementById(id));
    };
    expect(active()?.getAttribute('aria-rowindex')).toBe('2');

    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(active()?.getAttribute('aria-rowindex')).toBe('3');
    await fireEvent.keyDown(grid, { key: 'PageDown' });
    // 444 px of rows under the header: 12 whole rows a page.
    expect(active()?.getAttribute('aria-rowindex')).toBe('15');

    await fireEvent.keyDown(grid, { key: 'End' });
    expect(active()?.getAttribute('aria-rowindex')).toBe('5001');
    expect(list().scrollTop).toBe(5000 * ROW_PX - (480 - ROW_PX));
    await waitFor(() => expect(screen.getByText(idAt(4999))).toBeDefined());

    await fireEvent.keyDown(grid, { key: 'Home' });
    expect(list().scrollTop).toBe(0);
    expect(active()?.getAttribute('aria-rowindex')).toBe('2');
  });
});

describe('copying a contact ID', () => {
  it('copies the highlighted row with Enter and says so politely', async () => {
    const fake = await renderUpdates({ totals: evenTotals(50) });
    const grid = screen.getByTestId('updates-list');
    box(grid).focus();
    await fireEvent.focus(grid);
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(fake.api.clipboard.write).toHaveBeenCalledWith({ text: idAt(1) });
    const status = screen.getByTestId('updates-copy-status');
    await waitFor(() => expect(status.textContent).toBe(`Contact ID ${idAt(1)} copied.`));
    expect(status.getAttribute('role')).toBe('status');
  });

  it('copies from a row button and explains when the clipboard refuses', async () => {
    const fake = await renderUpdates({ totals: evenTotals(50) });
    vi.mocked(fake.api.clipboard.write).mockRejectedValue(new Error('clipboard unavailable'));
    await fireEvent.click(screen.getByRole('button', { name: `Copy contact ID ${idAt(2)}` }));
    expect(fake.api.clipboard.write).toHaveBeenCalledWith({ text: idAt(2) });
    await waitFor(() =>
      expect(screen.getByTestId('updates-copy-status').textContent).toBe(
        'The contact ID could not be copied. Select it with the mouse and copy it yourself.',
      ),
    );
  });
});

describe('new changes from main', () => {
  it('reloads on updates.changed and stays at the top', async () => {
    const fake = await renderUpdates({ totals: evenTotals(3) });
    vi.mocked(fake.api.updates.page).mockImplementation(changeLog(evenTotals(5), 2));
    fake.emit('updates.changed', { runId: 'run-2' });

    await waitFor(() => expect(countLine()).toBe('5 changes in all'));
    expect(screen.getByText(idAt(-2))).toBeDefined();
    expect(list().scrollTop).toBe(0);
    expect(rowIndexes()[0]).toBe(2);
  });

  it('keeps the rows being read in place when new ones arrive above them', async () => {
    const fake = await renderUpdates({ totals: evenTotals(1000) });
    await scrollListTo(500 * ROW_PX);
    await waitFor(() => expect(screen.getByText(idAt(500))).toBeDefined());

    vi.mocked(fake.api.updates.page).mockImplementation(changeLog(evenTotals(1010), 10));
    fake.emit('updates.changed', { runId: 'run-2' });

    await waitFor(() => expect(countLine()).toBe('1,010 changes in all'));
    await waitFor(() => expect(list().scrollTop).toBe(510 * ROW_PX));
    await waitFor(() => expect(screen.getByText(idAt(500))).toBeDefined());
    const row = drawnRows().find((candidate) => candidate.textContent?.includes(idAt(500)));
    expect(row?.getAttribute('aria-rowindex')).toBe(String(510 + 2));
  });

  it('stops listening when the screen goes away', async () => {
    const fake = await renderUpdates();
    expect(fake.listenerCount('updates.changed')).toBe(1);
    await fireEvent.click(screen.getByRole('button', { name: 'History' }));
    await waitFor(() => expect(fake.listenerCount('updates.changed')).toBe(0));
  });
});

function document_(): { getElementById(id: string): unknown } {
  return (globalThis as unknown as { document: { getElementById(id: string): unknown } }).document;
}
