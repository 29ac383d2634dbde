// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { appState } from './fake-api.ts';
import {
  all,
  ASCII_DIGIT,
  NOW,
  view,
  openHistory,
  PERSIAN_DIGIT,
  run,
  runs,
} from './history-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

const chart = () => view(screen.getByTestId('history-chart'));
const bars = () => all(screen.getByTestId('history-chart'), '[data-testid="history-chart-bar"]');
const xOf = (id: string): number => {
  const bar = bars().find((each) => each.getAttribute('data-run-id') === id);
  return Number(bar?.getAttribute('x'));
};

describe('history chart', () => {
  it('draws one bar per run for the newest 50 runs, oldest on the left in English', async () => {
    const { history } = await openHistory({ runs: runs(60) });
    expect(history.queries()[0]).toEqual({ limit: 50 });
    expect(bars()).toHaveLength(50);
    expect(chart().getAttribute('role')).toBe('img');
    // run-11 is the oldest of the newest fifty, run-60 the newest.
    expect(xOf('run-11')).toBeLessThan(xOf('run-12'));
    expect(xOf('run-59')).toBeLessThan(xOf('run-60'));
    expect(bars().some((bar) => bar.getAttribute('data-run-id') === 'run-10')).toBe(false);
    expect(within(screen.getByTestId('history-chart-data')).getAllByRole('row')).toHaveLength(51);
  });

  it('runs time from right to left in Persian, with Persian digits on its axes', async () => {
    await openHistory({ language: 'fa', runs: runs(5) });
    expect(chart().getAttribute('data-dir')).toBe('rtl');
    expect(xOf('run-1')).toBeGreaterThan(xOf('run-2'));
    expect(xOf('run-4')).toBeGreaterThan(xOf('run-5'));
    const labels = all(chart(), 'text').map((text) => text.textContent ?? '');
    expect(labels.join(' ')).toMatch(PERSIAN_DIGIT);
    expect(labels.join(' ')).not.toMatch(ASCII_DIGIT);
    expect(chart().getAttribute('aria-label')).toMatch(/^نمودار همگام‌سازی‌های اخیر/);
  });

  it('sums the runs up for screen readers and marks failures apart', async () => {
    const list = [
      run({ id: 'c', startedAtMs: NOW - 60_000, durationMs: 3200 }),
      run({
        id: 'b',
        startedAtMs: NOW - 120_000,
        outcome: 'failed',
        counts: null,
        durationMs: 800,
      }),
      run({ id: 'a', startedAtMs: NOW - 180_000, durationMs: 1000 }),
    ];
    await openHistory({ runs: list });
    expect(chart().getAttribute('aria-label')).toBe(
      'Chart of recent syncs. Syncs: 3. Changed contacts in all: 6. Longest sync: 3.2 s. Failed: 1.',
    );
    const marks = bars().map((bar) => bar.getAttribute('data-mark'));
    expect(marks).toEqual(['none', 'failed', 'none']);
    expect(screen.getAllByTestId('history-chart-failure')).toHaveLength(1);
    expect(screen.getByText('Failed or interrupted')).toBeDefined();
  });

  it('copes with a single run that changed nothing', async () => {
    const quiet = run({
      id: 'quiet',
      durationMs: null,
      outcome: 'interrupted',
      counts: null,
    });
    await openHistory({ runs: [quiet] });
    expect(bars()).toHaveLength(1);
    expect(screen.getByText('No contact changed in these syncs.')).toBeDefined();
    expect(chart().getAttribute('aria-label')).toBe(
      'Chart of recent syncs. Syncs: 1. Changed contacts in all: 0. Failed: 1.',
    );
    for (const element of all(chart(), '*')) {
      for (const name of ['x', 'y', 'width', 'height', 'd', 'cx', 'cy']) {
        expect(element.getAttribute(name) ?? '').not.toMatch(/NaN|Infinity/);
      }
    }
  });

  it('takes in a new run when main reports it', async () => {
    const { fake, history } = await openHistory({ runs: runs(2) });
    expect(bars()).toHaveLength(2);
    const next = run({ id: 'run-3', startedAtMs: NOW });
    history.runs.unshift(next);
    fake.emit('state.changed', appState({ lastRun: next }));
    await waitFor(() => expect(bars()).toHaveLength(3));
    expect(xOf('run-3')).toBeGreaterThan(xOf('run-2'));
  });
});
