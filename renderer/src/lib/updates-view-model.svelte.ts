/**
 * The Updates screen's state: what the user chose, and the rows main answered for it. Choosing
 * something shows the new rows from the top; main's `updates.changed` reloads in place.
 */
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import type { UpdatesFilter } from '../../../common/ipc/view-types.ts';
import { newestCommitStartMs } from './updates-window.ts';
import { UpdatesFeedModel } from './updates-feed-model.svelte.ts';
import {
  DEFAULT_SELECTION,
  toFilter,
  withoutFilters,
  type UpdatesSelection,
} from './updates-selection.ts';

const HISTORY_PAGE = 100;

type UpdatesApi = Pick<AmootApi, 'updates' | 'history'>;

/** History is newest first, so the first page holding a committed run holds the newest one. */
async function findNewestCommitStart(api: UpdatesApi): Promise<number | null> {
  for (let offset = 0; ; offset += HISTORY_PAGE) {
    const page = await api.history.page({ limit: HISTORY_PAGE, offset });
    const start = newestCommitStartMs(page.runs);
    if (start !== null) return start;
    if (page.runs.length === 0 || offset + page.runs.length >= page.total) return null;
  }
}

export class UpdatesViewModel {
  #selection = $state.raw<UpdatesSelection>(DEFAULT_SELECTION);
  #filter = $state.raw<UpdatesFilter | null>(null);
  readonly feed: UpdatesFeedModel;

  readonly #api: UpdatesApi;
  readonly #now: () => number;
  /** Start of the newest committed run, for "since the last sync"; undefined until asked. */
  #lastCommitStartMs: number | null | undefined = undefined;
  #ticket = 0;

  constructor(api: UpdatesApi, now: () => number) {
    this.#api = api;
    this.#now = now;
    this.feed = new UpdatesFeedModel((query) => api.updates.page(query));
  }

  get selection(): UpdatesSelection {
    return this.#selection;
  }

  /**
   * The selection as the filter sent to main, the one the list is asked for: what Export saves,
   * even while the list still draws the rows of an earlier choice. Null while "since the last
   * sync" waits for the start of that sync: no filter would name the rows the user chose.
   */
  get filter(): UpdatesFilter | null {
    return this.#filter;
  }

  /** Changes part of the selection and shows its rows from the top. */
  choose(patch: Partial<UpdatesSelection>): void {
    if (patch.window === 'since-last-sync' && this.selection.window !== 'since-last-sync') {
      this.#lastCommitStartMs = undefined;
    }
    this.#selection = { ...this.selection, ...patch };
    void this.show('new');
  }

  clearFilters(): void {
    this.#selection = withoutFilters(this.selection);
    void this.show('new');
  }

  /** Queries main for the selection; `reload` keeps the place (the same rows, maybe more). */
  async show(mode: 'new' | 'reload'): Promise<void> {
    const ticket = ++this.#ticket;
    const selection = this.selection;
    let anchorMoved = false;
    if (
      selection.window === 'since-last-sync' &&
      (mode === 'reload' || this.#lastCommitStartMs === undefined)
    ) {
      this.feed.supersede();
      // A reload keeps the choice, so the rows drawn still describe it until the new start is in.
      if (mode === 'new') this.#filter = null;
      let start: number | null;
      try {
        start = await findNewestCommitStart(this.#api);
      } catch {
        if (ticket === this.#ticket) this.feed.fail();
        return;
      }
      if (ticket !== this.#ticket) return;
      anchorMoved = start !== this.#lastCommitStartMs;
      this.#lastCommitStartMs = start;
    }
    const filter = toFilter(selection, this.#now(), this.#lastCommitStartMs ?? null);
    this.#filter = filter;
    // A new sync moves "since the last sync" to entirely other rows: start from the top.
    if (mode === 'reload' && !anchorMoved) this.feed.reload(filter);
    else this.feed.load(filter);
  }
}
