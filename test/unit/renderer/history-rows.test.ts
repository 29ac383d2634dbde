// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { messagesEn } from '../../../common/i18n/messages-en.ts';
import { messagesFa } from '../../../common/i18n/messages-fa.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { appState } from './fake-api.ts';
import {
  ASCII_DIGIT,
  NOW,
  openHistory,
  PERSIAN_DIGIT,
  rows,
  run,
  runs,
} from './history-fixtures.ts';
import { useFixedClockPerTest } from './page-clock.ts';

useFixedClockPerTest();

/** One run of each kind a user meets, newest first. */
function mixedRuns(): SyncRunRecord[] {
  return [
    run({
      id: 'running',
      trigger: 'tray',
      startedAtMs: NOW - 30_000,
      durationMs: null,
      outcome: 'running',
      status: null,
      counts: null,
      committed: false,
    }),
    run({
      id: 'changed',
      trigger: 'manual',
      startedAtMs: NOW - 5 * 60_000,
      durationMs: 1200,
      warnings: [{ key: 'warning.duplicate-ids', params: { count: 4 } }],
    }),
    run({
      id: 'failed',
      trigger: 'schedule',
      startedAtMs: NOW - 2 * 3_600_000,
      durationMs: 125_000,
      attempts: 3,
      outcome: 'failed',
      status: null,
      errorKind: 'network',
      message: { key: 'error.network' },
      counts: null,
      committed: false,
    }),
    run({
      id: 'baseline',
      trigger: 'startup',
      startedAtMs: NOW - 3 * 86_400_000,
      durationMs: 3_400,
      outcome: 'baseline',
      counts: {
        received: 500,
        added: 500,
        updated: 0,
        deleted: 0,
        restored: 0,
        missing: 0,
        unchanged: 0,
      },
    }),
  ];
}

const row = (id: string) => {
  const found = rows().find((candidate) => candidate.getAttribute('data-run-id') === id);
  if (found === undefined) throw new Error(`no row for ${id}`);
  return within(found as never);
};

describe('history rows', () => {
  it('list every run newest first with when, trigger, result, duration and counts', async () => {
    await openHistory({ runs: mixedRuns() });
    expect(rows().map((r) => r.getAttribute('data-run-id'))).toEqual([
      'running',
      'changed',
      'failed',
      'baseline',
    ]);

    const changed = row('changed');
    expect(changed.getByText('Sync now')).toBeDefined();
    expect(changed.getByText('Done')).toBeDefined();
    expect(changed.getByText('5 minutes ago')).toBeDefined();
    expect(changed.getByText('1.2 s')).toBeDefined();
    expect(changed.getByText('3 changes')).toBeDefined();
    expect(changed.getByText('1 added')).toBeDefined();
    expect(changed.getByText('2 updated')).toBeDefined();
    expect(changed.getByText('10 received')).toBeDefined();
    expect(changed.queryByText(/deleted|restored|missing/)).toBeNull();
    expect(changed.getByText(/listed 4 contacts more than once/)).toBeDefined();

    const running = row('running');
    expect(running.getByText('Running')).toBeDefined();
    expect(running.getByText('Still running')).toBeDefined();

    const baseline = row('baseline');
    expect(baseline.getByText('First sync')).toBeDefined();
    expect(baseline.getByText('500 contacts saved as the starting copy')).toBeDefined();
    expect(baseline.queryByText('500 added')).toBeNull();
    expect(baseline.getByText('3 days ago')).toBeDefined();
  });

  it('show a failed run with its error and what to do about it', async () => {
    await openHistory({ runs: mixedRuns() });
    const failed = row('failed');
    expect(failed.getByText('Failed')).toBeDefined();
    expect(failed.getByText('Schedule')).toBeDefined();
    expect(failed.getByText('2 min 5 s')).toBeDefined();
    expect(failed.getByText('after 3 attempts')).toBeDefined();
    expect(failed.getByTestId('history-message').textContent?.trim()).toBe(
      messagesEn['error.network'],
    );
    expect(failed.queryByText(/received/)).toBeNull();
  });

  it('read in Persian with Persian digits and the Persian advice', async () => {
    await openHistory({ language: 'fa', runs: mixedRuns() });
    const changed = row('changed');
    expect(changed.getByText('همگام‌سازی دستی')).toBeDefined();
    expect(changed.getByText('انجام شد')).toBeDefined();
    expect(changed.getByText('۳ تغییر')).toBeDefined();
    expect(changed.getByText('افزوده: ۱')).toBeDefined();
    expect(changed.getByText('۱٫۲ ثانیه')).toBeDefined();

    const failed = row('failed');
    expect(failed.getByText('ناموفق')).toBeDefined();
    expect(failed.getByTestId('history-message').textContent?.trim()).toBe(
      messagesFa['error.network'],
    );
    for (const each of rows()) {
      expect(each.textContent).toMatch(PERSIAN_DIGIT);
      expect(each.textContent).not.toMatch(ASCII_DIGIT);
    }
    // The Jalali calendar: 21 March 2025 is 1 Farvardin 1404.
    expect(row('changed').getByText(/۱۴۰۴/)).toBeDefined();
  });

  it('says a failure left no details rather than showing nothing', async () => {
    const silent = run({ id: 'silent', outcome: 'interrupted', durationMs: null, counts: null });
    await openHistory({ runs: [silent] });
    const interrupted = row('silent');
    expect(interrupted.getByText('Interrupted')).toBeDefined();
    expect(interrupted.getByText('Not recorded')).toBeDefined();
    expect(interrupted.getByTestId('history-message').textContent).toMatch(
      /No details were recorded/,
    );
  });
});

describe('reloading', () => {
  it('loads again when main reports a new run, and only then', async () => {
    const { fake, history } = await openHistory({ runs: runs(2) });
    expect(history.queries()).toHaveLength(1);

    // The same state again (a pause, say) is no reason to ask main.
    fake.emit('state.changed', appState({ lastRun: history.runs[0] ?? null, paused: null }));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(history.queries()).toHaveLength(1);

    const started = run({ id: 'run-3', outcome: 'running', startedAtMs: NOW, durationMs: null });
    history.runs.unshift(started);
    fake.emit('state.changed', appState({ lastRun: started, syncing: true }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rows()[0] as never).getByText('Running')).toBeDefined();

    const finished = { ...started, outcome: 'success' as const, durationMs: 800 };
    history.runs[0] = finished;
    fake.emit('state.changed', appState({ lastRun: finished }));
    await waitFor(() => expect(within(rows()[0] as never).getByText('Done')).toBeDefined());
    expect(within(rows()[0] as never).getByText('0.8 s')).toBeDefined();
    expect(history.queries()).toHaveLength(3);
  });

  it('offers to try again when the history cannot be loaded', async () => {
    const { fake, history } = await openHistory({ runs: runs(1) });
    vi.mocked(fake.api.history.page).mockRejectedValueOnce(new Error('ipc down'));
    const next = run({ id: 'run-2', startedAtMs: NOW });
    history.runs.unshift(next);
    fake.emit('state.changed', appState({ lastRun: next }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be loaded/);
    await fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
  });
});
