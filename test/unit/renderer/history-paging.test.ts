// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { clampPage, pageCount, pageInfo } from '../../../renderer/src/lib/history-paging.ts';
import {
  activeElement,
  ASCII_DIGIT,
  view,
  openHistory,
  PERSIAN_DIGIT,
  rows,
  runs,
} from './history-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

const ids = () => rows().map((row) => row.getAttribute('data-run-id'));
const previous = () => view(screen.getByRole('button', { name: 'Previous page' }));
const next = () => view(screen.getByRole('button', { name: 'Next page' }));

describe('history paging', () => {
  it('shows 25 runs a page and asks main for the right slice', async () => {
    const { history } = await openHistory({ runs: runs(60) });
    // One request serves the chart's 50 runs and the first page's 25.
    expect(history.queries()).toEqual([{ limit: 50 }]);
    expect(rows()).toHaveLength(25);
    expect(ids()[0]).toBe('run-60');
    expect(ids()[24]).toBe('run-36');
    expect(screen.getByTestId('history-page').textContent?.trim()).toBe('Page 1 of 3');
    expect(screen.getByTestId('history-range').textContent?.trim()).toBe('Syncs 1–25 of 60');
    expect(previous().disabled).toBe(true);
    expect(next().disabled).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(ids()[0]).toBe('run-35'));
    expect(history.queries().at(-1)).toEqual({ limit: 25, offset: 25 });
    expect(screen.getByTestId('history-page').textContent?.trim()).toBe('Page 2 of 3');
    expect(screen.getByTestId('history-range').textContent?.trim()).toBe('Syncs 26–50 of 60');
    expect(previous().disabled).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(history.queries().at(-1)).toEqual({ limit: 25, offset: 50 });
    expect(ids()).toEqual(Array.from({ length: 10 }, (_, index) => `run-${10 - index}`));
    expect(screen.getByTestId('history-range').textContent?.trim()).toBe('Syncs 51–60 of 60');
    expect(next().disabled).toBe(true);
    // The pressed button went dead under the keyboard focus; the focus moved to its partner.
    await vi.waitFor(() => expect(activeElement()).toBe(previous()));

    await fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(ids()[0]).toBe('run-35'));
    expect(history.queries().at(-1)).toEqual({ limit: 25, offset: 25 });
    await fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(ids()[0]).toBe('run-60'));
    expect(history.queries().at(-1)).toEqual({ limit: 25, offset: 0 });
    expect(previous().disabled).toBe(true);
  });

  it('keeps the chart on the newest runs while paging', async () => {
    const { history } = await openHistory({ runs: runs(60) });
    await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(ids()[0]).toBe('run-35'));
    expect(history.queries().filter((query) => query.limit === 50)).toHaveLength(1);
    expect(screen.getAllByTestId('history-chart-bar')).toHaveLength(50);
  });

  it('writes the page numbers with Persian digits in Persian', async () => {
    await openHistory({ language: 'fa', runs: runs(60) });
    const page = screen.getByTestId('history-page').textContent ?? '';
    expect(page.trim()).toBe('صفحهٔ ۱ از ۳');
    const range = screen.getByTestId('history-range').textContent ?? '';
    expect(range).toMatch(PERSIAN_DIGIT);
    expect(range).not.toMatch(ASCII_DIGIT);
    expect(screen.getByRole('button', { name: 'صفحهٔ بعد' })).toBeDefined();
  });

  it('needs no page buttons when every run fits on one page', async () => {
    await openHistory({ runs: runs(3) });
    expect(screen.getByTestId('history-range').textContent?.trim()).toBe('Syncs 1–3 of 3');
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
  });
});

describe('page arithmetic', () => {
  it('counts at least one page and clamps an index the history outgrew', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(clampPage(3, 30)).toBe(1);
    expect(clampPage(-1, 30)).toBe(0);
    expect(clampPage(2, 0)).toBe(0);
  });

  it('numbers the runs shown from one', () => {
    expect(pageInfo(0, 0, 0)).toMatchObject({ first: 0, last: 0, pages: 1, hasNext: false });
    expect(pageInfo(1, 25, 60)).toMatchObject({ page: 2, first: 26, last: 50, hasPrevious: true });
    expect(pageInfo(2, 10, 60)).toMatchObject({ first: 51, last: 60, hasNext: false });
  });
});
