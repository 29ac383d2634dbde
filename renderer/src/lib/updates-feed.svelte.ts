/**
 * The rows of the Updates list, fetched a page at a time as they come into view and kept in a
 * bounded cache. Answers to a query the user has since replaced are dropped, and the rows shown
 * stay until the new query's first page answers, so the list never flashes empty in between.
 */
import type {
  UpdateRow,
  UpdatesFilter,
  UpdatesPage,
  UpdatesQuery,
} from '../../../common/ipc/view-types.ts';
import { zeroTotals, type ChangeKind } from '../../../common/sync-types.ts';
import { PageCache, pagesFor } from './page-cache.ts';

export const PAGE_SIZE = 100;
/** 2,000 rows: many screens' worth, a few hundred KB at most. */
export const CACHED_PAGES = 20;

const NO_TOTALS: Readonly<Record<ChangeKind, number>> = zeroTotals();

/** `loading`: nothing to show yet; `failed`: the current query could not be answered. */
export type FeedStatus = 'loading' | 'ready' | 'failed';

export class UpdatesFeed {
  /** Rows matching the query shown (all pages). */
  total = $state(0);
  totalsByKind = $state.raw<Readonly<Record<ChangeKind, number>>>(NO_TOTALS);
  status = $state<FeedStatus>('loading');
  /** A newer query or a reload has not answered yet: the rows shown are the older ones. */
  busy = $state(false);
  /** A page after the first could not be loaded; `retry` asks again. */
  rowsFailed = $state(false);
  /** Bumps whenever a page arrives, so rows drawn from the cache redraw. */
  revision = $state(0);
  /** Bumps when a new query's rows replaced the old ones: the list goes back to its top. */
  queryId = $state(0);
  /** The last reload that kept the query: how many rows appeared above the ones shown before. */
  lastReload = $state.raw<{ readonly id: number; readonly shift: number }>({ id: 0, shift: 0 });

  readonly #fetch: (query: UpdatesQuery) => Promise<UpdatesPage>;
  readonly #cache = new PageCache<UpdateRow>(PAGE_SIZE, CACHED_PAGES);
  #filter: UpdatesFilter | null = null;
  /** Every query and reload gets a new number; answers carrying an older one are ignored. */
  #generation = 0;
  /** Until the first answer of the current generation, the cache holds the previous rows. */
  #pending: 'new' | 'reload' | null = null;
  /** Pages asked for and not answered; bookkeeping only, nothing is drawn from it. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive
  #inflight = new Set<number>();
  #range = { first: 0, end: 0 };

  constructor(fetch: (query: UpdatesQuery) => Promise<UpdatesPage>) {
    this.#fetch = fetch;
  }

  /** Shows another query, from its first row. */
  load(filter: UpdatesFilter): void {
    this.#start(filter, 'new', [0]);
  }

  /** The same query again after main logged changes: reloads the rows in view, keeps the place. */
  reload(filter: UpdatesFilter): void {
    // Nothing shown yet, or a new query still on its way: this is a new query, not a reload.
    if (this.#filter === null || this.status !== 'ready' || this.#pending === 'new') {
      this.load(filter);
      return;
    }
    const pages = pagesFor(this.#range.first, this.#range.end, PAGE_SIZE);
    this.#start(filter, 'reload', pages.length > 0 ? pages : [0]);
  }

  /** A newer query is being prepared: answers to the current one no longer count. */
  supersede(): void {
    this.#generation += 1;
    this.#inflight.clear();
    this.busy = true;
  }

  /** The query could not even be built (its inputs failed to load). */
  fail(): void {
    this.supersede();
    this.#pending = null;
    this.busy = false;
    this.status = 'failed';
  }

  /** Asks again for what failed: the whole query, or the rows in view. */
  retry(): void {
    if (this.#filter === null) return;
    if (this.status === 'failed') {
      this.load(this.#filter);
      return;
    }
    this.rowsFailed = false;
    this.ensure(this.#range.first, this.#range.end);
  }

  /** Fetches the pages holding rows `first` to `end` (exclusive) that are not here yet. */
  ensure(first: number, end: number): void {
    this.#range = { first, end };
    if (this.#filter === null) return;
    for (const page of pagesFor(first, end, PAGE_SIZE)) {
      const cached = this.#pending === null && this.#cache.has(page);
      if (!cached && !this.#inflight.has(page)) this.#fetchPage(page);
    }
  }

  /** The row at list position `index`, or undefined while its page loads. */
  row(index: number): UpdateRow | undefined {
    void this.revision;
    return this.#cache.item(index);
  }

  #start(filter: UpdatesFilter, mode: 'new' | 'reload', pages: readonly number[]): void {
    this.supersede();
    this.#filter = filter;
    this.#pending = mode;
    if (this.status === 'failed') this.status = 'loading';
    for (const page of pages) this.#fetchPage(page);
  }

  #fetchPage(page: number): void {
    const filter = this.#filter;
    if (filter === null) return;
    const generation = this.#generation;
    this.#inflight.add(page);
    this.#fetch({ ...filter, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      (answer) => {
        if (generation !== this.#generation) return;
        this.#inflight.delete(page);
        this.#accept(filter, page, answer);
      },
      () => {
        if (generation !== this.#generation) return;
        this.#inflight.delete(page);
        if (this.#pending === 'new' || this.status !== 'ready') {
          this.#pending = null;
          this.busy = false;
          this.status = 'failed';
        } else {
          this.rowsFailed = true;
        }
      },
    );
  }

  #accept(filter: UpdatesFilter, page: number, answer: UpdatesPage): void {
    const pending = this.#pending;
    if (pending !== null) {
      const before = this.total;
      this.#cache.clear();
      this.#pending = null;
      this.busy = false;
      this.rowsFailed = false;
      if (pending === 'new') this.queryId += 1;
      else {
        // Newest-detected-first puts every new change above the old ones.
        const shift = filter.order === 'detected-time' ? Math.max(0, answer.total - before) : 0;
        this.lastReload = { id: this.lastReload.id + 1, shift };
      }
    }
    this.#cache.set(page, answer.rows);
    this.total = answer.total;
    this.totalsByKind = answer.totalsByKind;
    this.status = 'ready';
    this.revision += 1;
  }
}
