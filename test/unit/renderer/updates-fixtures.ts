/**
 * The Updates screen mounted in App against the fake bridge, with a change log of any size that
 * answers pages the way main does: by offset, narrowed by the query's kinds.
 */
import { render, screen, waitFor } from '@testing-library/svelte';
import { expect, vi } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import type { UpdateRow, UpdatesPage, UpdatesQuery } from '../../../common/ipc/view-types.ts';
import { CHANGE_KINDS, type ChangeKind } from '../../../common/sync-types.ts';
import { fakeApi, NOW, type FakeApi } from './fake-api.ts';

export type Totals = Readonly<Record<ChangeKind, number>>;

export const NO_TOTALS: Totals = { added: 0, updated: 0, deleted: 0, restored: 0, missing: 0 };

/** The contact ID at list position `index`: ten digits, unique, easy to read back. */
export const idAt = (index: number): string => String(9_000_000_000 + index);

/** `total` spread over the kinds as evenly as the arithmetic allows, the remainder on `added`. */
export function evenTotals(total: number): Totals {
  const share = Math.floor(total / CHANGE_KINDS.length);
  return {
    added: total - share * (CHANGE_KINDS.length - 1),
    updated: share,
    deleted: share,
    restored: share,
    missing: share,
  };
}

/** A change log with these totals per kind; a query's kinds narrow its total as main's would. */
export function changeLog(
  totals: Totals,
  shift = 0,
): (query: UpdatesQuery) => Promise<UpdatesPage> {
  return async (query) => {
    const kinds = query.kinds !== undefined && query.kinds.length > 0 ? query.kinds : CHANGE_KINDS;
    const total = kinds.reduce((sum, kind) => sum + totals[kind], 0);
    const offset = query.offset ?? 0;
    const rows: UpdateRow[] = [];
    for (let index = offset; index < Math.min(total, offset + query.limit); index++) {
      rows.push({
        seq: total + shift - index,
        id: idAt(index - shift),
        kind: kinds[index % kinds.length] ?? 'added',
        updatedAtMs: NOW - (index + 1) * 3_600_000,
        detectedAtMs: NOW - (index + 1) * 60_000,
        runId: 'run-1',
      });
    }
    return { rows, total, totalsByKind: totals };
  };
}

export interface UpdatesOptions {
  readonly language?: 'en' | 'fa';
  readonly totals?: Totals;
}

/** Mounts the app on its Updates screen and waits until the first page is drawn. */
export async function renderUpdates(options: UpdatesOptions = {}): Promise<FakeApi> {
  const fake = fakeApi({ settings: { language: options.language ?? 'en' } });
  vi.mocked(fake.api.updates.page).mockImplementation(changeLog(options.totals ?? evenTotals(3)));
  render(App, { props: { api: fake.api } });
  await waitFor(() => expect(fake.api.updates.page).toHaveBeenCalled());
  await waitFor(() => expect(countLine()).not.toMatch(/Loading|بارگذاری/));
  return fake;
}

/** The last query the screen sent for a page. */
export function lastQuery(fake: FakeApi): UpdatesQuery | undefined {
  return vi.mocked(fake.api.updates.page).mock.lastCall?.[0];
}

export const countLine = (): string => screen.getByTestId('updates-count').textContent ?? '';

/** What the tests read of elements; the root tsconfig type-checks tests without the DOM library. */
export interface Box {
  scrollTop: number;
  readonly textContent: string | null;
  readonly value: string;
  readonly disabled: boolean;
  getAttribute(name: string): string | null;
  focus(): void;
  querySelectorAll(selector: string): ArrayLike<Box>;
}
export const box = (element: unknown): Box => element as Box;

/** Rows drawn in the list right now (real and placeholder), in order. */
export function drawnRows(): Box[] {
  return Array.from(box(screen.getByTestId('updates-list')).querySelectorAll('[data-row-index]'));
}

export const activeElement = (): unknown =>
  (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;

/** Lets a debounce or a page fetch delay run out (real timers). */
export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
