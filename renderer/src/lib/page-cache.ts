/**
 * The pages of a long list kept in memory: a bounded number, the least recently used dropped
 * first, so scrolling through a million rows keeps a few thousand at most.
 */
export class PageCache<T> {
  readonly pageSize: number;
  readonly capacity: number;
  /** A Map iterates in insertion order: re-inserting on use keeps the oldest first. */
  readonly #pages = new Map<number, readonly T[]>();

  constructor(pageSize: number, capacity: number) {
    if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize < 1');
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('capacity < 1');
    this.pageSize = pageSize;
    this.capacity = capacity;
  }

  get size(): number {
    return this.#pages.size;
  }

  has(page: number): boolean {
    return this.#pages.has(page);
  }

  /** The page's rows, marking it as just used. */
  get(page: number): readonly T[] | undefined {
    const rows = this.#pages.get(page);
    if (rows !== undefined) {
      this.#pages.delete(page);
      this.#pages.set(page, rows);
    }
    return rows;
  }

  set(page: number, rows: readonly T[]): void {
    this.#pages.delete(page);
    this.#pages.set(page, rows);
    while (this.#pages.size > this.capacity) {
      const oldest = this.#pages.keys().next().value;
      if (oldest === undefined) break;
      this.#pages.delete(oldest);
    }
  }

  /** The row at list position `index`, if its page is here. */
  item(index: number): T | undefined {
    return this.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  clear(): void {
    this.#pages.clear();
  }
}

/** The page numbers holding rows `first` up to (not including) `end`. */
export function pagesFor(first: number, end: number, pageSize: number): number[] {
  if (end <= first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor((end - 1) / pageSize); page++) {
    pages.push(page);
  }
  return pages;
}
