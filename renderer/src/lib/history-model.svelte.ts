/**
 * What the History screen shows: one page of runs for the list and the newest runs for the chart.
 * On the first page one request serves both (the chart's 50 runs hold the list's first 25), so
 * opening the screen costs one round trip to main; other pages ask for their own slice.
 */
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { ConfirmedActionResult } from '../../../common/ipc/contract.ts';
import type { HistoryPage } from '../../../common/ipc/view-types.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { CHART_RUNS } from './history-chart-data.ts';
import { clampPage, PAGE_SIZE } from './history-paging.ts';

export class HistoryModel {
  #page = $state.raw<HistoryPage | null>(null);
  #recent = $state.raw<readonly SyncRunRecord[]>([]);
  #index = $state(0);
  #failed = $state(false);
  #busy = $state(false);

  readonly #api: AmootApi;
  /** Only the newest request may write its answer, so a slow one cannot show an older page. */
  #ticket = 0;

  constructor(api: AmootApi) {
    this.#api = api;
  }

  /** The list's page; null until the first answer. Kept after a failed load, for its total. */
  get page(): HistoryPage | null {
    return this.#page;
  }

  /** The newest runs, newest first, for the chart. */
  get recent(): readonly SyncRunRecord[] {
    return this.#recent;
  }

  /** 0-based index of the page shown. */
  get index(): number {
    return this.#index;
  }

  /** The last load failed; the list then offers to try again. */
  get failed(): boolean {
    return this.#failed;
  }

  /** A load is on its way. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Loads the chart and the page shown, as after a run ended or the history was cleared. */
  async reload(): Promise<void> {
    const ticket = ++this.#ticket;
    this.#busy = true;
    try {
      const offset = this.#index * PAGE_SIZE;
      const recentRequest = this.#api.history.page({ limit: CHART_RUNS });
      const [recent, page] = await Promise.all([
        recentRequest,
        offset === 0
          ? recentRequest.then((answer) => ({
              runs: answer.runs.slice(0, PAGE_SIZE),
              total: answer.total,
            }))
          : this.#api.history.page({ limit: PAGE_SIZE, offset }),
      ]);
      if (ticket !== this.#ticket) return;
      this.#recent = recent.runs;
      const fitting = clampPage(this.#index, page.total);
      if (fitting !== this.#index) {
        // The history shrank (cleared, or trimmed by its bounds) under the page shown.
        this.#index = fitting;
        await this.reload();
        return;
      }
      this.#accept(page);
    } catch {
      if (ticket === this.#ticket) this.#failed = true;
    } finally {
      if (ticket === this.#ticket) this.#busy = false;
    }
  }

  /** Shows another page of the list; the chart keeps showing the newest runs. */
  async goTo(index: number): Promise<void> {
    const ticket = ++this.#ticket;
    this.#index = Math.max(0, index);
    this.#busy = true;
    try {
      const page = await this.#api.history.page({
        limit: PAGE_SIZE,
        offset: this.#index * PAGE_SIZE,
      });
      if (ticket === this.#ticket) this.#accept(page);
    } catch {
      if (ticket === this.#ticket) this.#failed = true;
    } finally {
      if (ticket === this.#ticket) this.#busy = false;
    }
  }

  /**
   * Asks main to remove every run from the history; main asks the user first. The list reloads
   * only when it was cleared; a "no" or a refusal leaves it as it was. Throws when main did not
   * answer.
   */
  async clear(): Promise<ConfirmedActionResult> {
    const result = await this.#api.history.clear();
    if (!result.ok) return result;
    this.#index = 0;
    await this.reload();
    return result;
  }

  #accept(page: HistoryPage): void {
    this.#page = page;
    this.#failed = false;
  }
}

/**
 * What identifies the newest run as main last reported it: a new run, or the running one ending,
 * changes it. Null while the status has not arrived yet.
 */
export function newestRunKey(state: AppState | null): string | null {
  if (state === null) return null;
  const run = state.lastRun;
  return run === null ? '' : `${run.id}:${run.outcome}`;
}

/**
 * Whether a change of the newest run calls for loading the history again. The status arriving for
 * the first time is not news: the screen loaded the history itself when it opened.
 */
export function isNewRun(previous: string | null, next: string | null): boolean {
  return previous !== null && next !== null && previous !== next;
}
