/**
 * Helpers for the History screen's tests: runs to fill the history with, a fake history in main
 * that pages and clears like the real one, and the App opened on the History screen. DOM nodes are
 * read through small shapes, because the root tsconfig type-checks tests without the DOM library.
 */
import { render, screen, waitFor } from '@testing-library/svelte';
import { expect, vi } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { HistoryQuery } from '../../../common/ipc/view-types.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { appState, fakeApi, NOW, run, type FakeApi } from './fake-api.ts';

export { NOW, run };

export const PERSIAN_DIGIT = /[۰-۹]/;
export const ASCII_DIGIT = /[0-9]/;

export interface ElementView {
  readonly textContent: string | null;
  readonly disabled: boolean;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ElementView>;
  querySelector(selector: string): ElementView | null;
}

export const view = (element: unknown): ElementView => element as ElementView;
export const all = (element: unknown, selector: string): ElementView[] =>
  Array.from(view(element).querySelectorAll(selector));
export const activeElement = (): unknown =>
  (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
const root = (): { lang: string } =>
  (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
    .documentElement;

/** `count` finished runs, newest first, ten minutes apart, ids `run-<count>` down to `run-1`. */
export function runs(
  count: number,
  overrides: (age: number) => Partial<SyncRunRecord> = () => ({}),
): SyncRunRecord[] {
  return Array.from({ length: count }, (_, age) =>
    run({
      id: `run-${count - age}`,
      startedAtMs: NOW - (age + 1) * 10 * 60_000,
      ...overrides(age),
    }),
  );
}

export interface FakeHistory {
  /** The stored runs, newest first; tests may add to them as main would. */
  readonly runs: SyncRunRecord[];
  /** Every query the window sent, in order. */
  queries(): HistoryQuery[];
}

/** Makes the fake bridge's history page and clear over `initial`, as main's history store does. */
export function fakeHistory(fake: FakeApi, initial: readonly SyncRunRecord[]): FakeHistory {
  const stored = [...initial];
  vi.mocked(fake.api.history.page).mockImplementation(async (query) => {
    const offset = query.offset ?? 0;
    return { runs: stored.slice(offset, offset + query.limit), total: stored.length };
  });
  vi.mocked(fake.api.history.clear).mockImplementation(async () => {
    stored.length = 0;
    return { ok: true };
  });
  return {
    runs: stored,
    queries: () => vi.mocked(fake.api.history.page).mock.calls.map(([query]) => query),
  };
}

export interface OpenOptions {
  readonly language?: 'en' | 'fa';
  readonly runs?: readonly SyncRunRecord[];
  readonly state?: AppState;
}

export interface OpenHistory {
  readonly fake: FakeApi;
  readonly history: FakeHistory;
}

export const TITLE = { en: 'Sync history', fa: 'تاریخچهٔ همگام‌سازی' } as const;

/** Mounts the App in `language`, then opens History as a clicked notification does. */
export async function openHistory(options: OpenOptions = {}): Promise<OpenHistory> {
  const language = options.language ?? 'en';
  const list = options.runs ?? runs(3);
  const state = options.state ?? appState({ lastRun: list[0] ?? null });
  const fake = fakeApi({ settings: { language }, state });
  const history = fakeHistory(fake, list);
  render(App, { props: { api: fake.api } });
  await waitFor(() => expect(root().lang).toBe(language));
  await waitFor(() => expect(fake.listenerCount('ui.navigate')).toBe(1));
  fake.emit('ui.navigate', { screen: 'history' });
  await screen.findByRole('heading', { name: TITLE[language], level: 2 });
  if (list.length > 0) await screen.findAllByTestId('history-row');
  else await screen.findByTestId('history-empty');
  return { fake, history };
}

/** The list's rows, top to bottom. */
export const rows = (): ElementView[] => screen.queryAllByTestId('history-row').map(view);
