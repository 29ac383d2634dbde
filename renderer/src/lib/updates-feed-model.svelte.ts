/**
 * The rows of the Updates list, fetched a page at a time as they come into view and kept in a
 * bounded cache. Answers to a query the user has since replaced are dropped, and the rows shown
 * stay until the new query's first page answers, so the list never flashes empty in between.
 */
import { createSubscriber } from 'svelte/reactivity';
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

/**
 * What the feed waits for. `query`: a newer query is being prepared (its inputs load), so answers
 * to the one shown no longer count. `new` and `reload`: the first answer of a new query or of the
 * same query asked again; until it comes the cache holds the previous rows.
 */
type Awaiting = 'nothing' | 'query' | 'new' | 'reload';

/**
 * The one state the feed is in. Only rows on screen can have rows that failed to load, only rows
 * on screen can be reloaded, and a failed query is left by asking a new one (which is `loading`).
 */
export type FeedPhase =
  | { readonly kind: 'loading'; readonly awaiting: Exclude<Awaiting, 'reload'> }
  | {
      readonly kind: 'ready';
      readonly awaiting: Awaiting;
      /** A page after the first could not be loaded; `retry` asks again. */
      readonly rowsFailed: boolean;
    }
  | { readonly kind: 'failed'; readonly awaiting: 'nothing' | 'query' };

/** What the list does when the rows under it change wholesale; a list subscribes with `listen`. */
export interface FeedListener {
  /** A new query's rows replaced the old ones: the list goes back to its top. */
  readonly onNewQuery?: () => void;
  /** A reload kept the query: `shift` rows appeared above the ones shown before. */
  readonly onReload?: (shift: number) => void;
}

export class UpdatesFeedModel {
  #phase = $state.raw<FeedPhase>({ kind: 'loading', awaiting: 'nothing' });
  /** Rows matching the query shown (all pages). */
  #total = $state(0);
  #totalsByKind = $state.raw<Readonly<Record<ChangeKind, number>>>(NO_TOTALS);

  readonly #fetch: (query: UpdatesQuery) => Promise<UpdatesPage>;
  readonly #cache = new PageCache<UpdateRow>(PAGE_SIZE, CACHED_PAGES);
  /** Whoever draws rows from the cache reads them again when a page arrives. */
  readonly #rowsRead: () => void;
  #rowsChanged: (() => void) | undefined;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners are called, not drawn
  readonly #listeners = new Set<FeedListener>();
  #filter: UpdatesFilter | null = null;
  /** Every query and reload gets a new number; answers carrying an older one are ignored. */
  #generation = 0;
  /** Pages asked for and not answered; bookkeeping only, nothing is drawn from it. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive
  #inflight = new Set<number>();
  #range = { first: 0, end: 0 };

  constructor(fetch: (query: UpdatesQuery) => Promise<UpdatesPage>) {
    this.#fetch = fetch;
    this.#rowsRead = createSubscriber((update) => {
      this.#rowsChanged = update;
      return () => (this.#rowsChanged = undefined);
    });
  }

  get status(): FeedStatus {
    return this.#phase.kind;
  }

  /** A newer query or a reload has not answered yet: the rows shown are the older ones. */
  get busy(): boolean {
    return this.#phase.awaiting !== 'nothing';
  }

  /** A page after the first could not be loaded; `retry` asks again. */
  get rowsFailed(): boolean {
    return this.#phase.kind === 'ready' && this.#phase.rowsFailed;
  }

  /** Rows matching the query shown (all pages). */
  get total(): number {
    return this.#total;
  }

  get totalsByKind(): Readonly<Record<ChangeKind, number>> {
    return this.#totalsByKind;
  }

  /** Tells `listener` when the rows change wholesale; returns how to stop. */
  listen(listener: FeedListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Shows another query, from its first row. */
  load(filter: UpdatesFilter): void {
    const phase = this.#phase;
    this.#start(
      filter,
      [0],
      phase.kind === 'ready' ? { ...phase, awaiting: 'new' } : { kind: 'loading', awaiting: 'new' },
    );
  }

  /** The same query again after main logged changes: reloads the rows in view, keeps the place. */
  reload(filter: UpdatesFilter): void {
    const phase = this.#phase;
    // Nothing shown yet, or a new query still on its way: this is a new query, not a reload.
    if (this.#filter === null || phase.kind !== 'ready' || phase.awaiting === 'new') {
      this.load(filter);
      return;
    }
    const pages = pagesFor(this.#range.first, this.#range.end, PAGE_SIZE);
    this.#start(filter, pages.length > 0 ? pages : [0], { ...phase, awaiting: 'reload' });
  }

  /** A newer query is being prepared: answers to the current one no longer count. */
  supersede(): void {
    this.#generation += 1;
    this.#inflight.clear();
    // A first answer already awaited is still what replaces the rows shown.
    if (this.#phase.awaiting === 'nothing') this.#phase = { ...this.#phase, awaiting: 'query' };
  }

  /** The query could not even be built (its inputs failed to load). */
  fail(): void {
    this.supersede();
    this.#phase = { kind: 'failed', awaiting: 'nothing' };
  }

  /** Asks again for what failed: the whole query, or the rows in view. */
  retry(): void {
    if (this.#filter === null) return;
    const phase = this.#phase;
    if (phase.kind === 'failed') {
      this.load(this.#filter);
      return;
    }
    if (phase.kind === 'ready') this.#phase = { ...phase, rowsFailed: false };
    this.ensure(this.#range.first, this.#range.end);
  }

  /** Fetches the pages holding rows `first` to `end` (exclusive) that are not here yet. */
  ensure(first: number, end: number): void {
    this.#range = { first, end };
    if (this.#filter === null) return;
    const pending = this.#pending();
    for (const page of pagesFor(first, end, PAGE_SIZE)) {
      const cached = pending === null && this.#cache.has(page);
      if (!cached && !this.#inflight.has(page)) this.#fetchPage(page);
    }
  }

  /** The row at list position `index`, or undefined while its page loads. */
  row(index: number): UpdateRow | undefined {
    this.#rowsRead();
    return this.#cache.item(index);
  }

  /** The first answer awaited to replace what the cache holds, if one is. */
  #pending(): 'new' | 'reload' | null {
    const { awaiting } = this.#phase;
    return awaiting === 'new' || awaiting === 'reload' ? awaiting : null;
  }

  #start(filter: UpdatesFilter, pages: readonly number[], next: FeedPhase): void {
    this.supersede();
    this.#filter = filter;
    this.#phase = next;
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
        const phase = this.#phase;
        if (phase.kind !== 'ready' || phase.awaiting === 'new') {
          this.#phase = { kind: 'failed', awaiting: 'nothing' };
        } else {
          this.#phase = { ...phase, rowsFailed: true };
        }
      },
    );
  }

  #accept(filter: UpdatesFilter, page: number, answer: UpdatesPage): void {
    const pending = this.#pending();
    const before = this.#total;
    const phase = this.#phase;
    if (pending !== null) {
      this.#cache.clear();
      this.#phase = { kind: 'ready', awaiting: 'nothing', rowsFailed: false };
    } else if (phase.kind !== 'ready') {
      // A page of the filter kept while a newer query is prepared: its rows are still shown.
      this.#phase = { kind: 'ready', awaiting: phase.awaiting, rowsFailed: false };
    }
    this.#cache.set(page, answer.rows);
    this.#total = answer.total;
    this.#totalsByKind = answer.totalsByKind;
    this.#rowsChanged?.();
    if (pending === 'new') {
      for (const listener of this.#listeners) listener.onNewQuery?.();
    } else if (pending === 'reload') {
      // Newest-detected-first puts every new change above the old ones.
      const shift = filter.order === 'detected-time' ? Math.max(0, answer.total - before) : 0;
      for (const listener of this.#listeners) listener.onReload?.(shift);
    }
  }
}
