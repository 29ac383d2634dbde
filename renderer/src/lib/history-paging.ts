/** Page arithmetic of the History list, kept apart from the component so the ends are tested. */

/** Runs per page of the list. */
export const PAGE_SIZE = 25;

export interface PageInfo {
  /** 1-based, as people count pages. */
  readonly page: number;
  /** At least 1: an empty history still reads "page 1 of 1". */
  readonly pages: number;
  /** 1-based position of the first and last run shown; both 0 when there is none. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / size));
}

/** The last page that exists for `total` runs, for a page index that the history outgrew. */
export function clampPage(index: number, total: number, size = PAGE_SIZE): number {
  return Math.min(Math.max(0, Math.floor(index)), pageCount(total, size) - 1);
}

export function pageInfo(index: number, shown: number, total: number, size = PAGE_SIZE): PageInfo {
  const pages = pageCount(total, size);
  const first = shown === 0 ? 0 : index * size + 1;
  return {
    page: index + 1,
    pages,
    first,
    last: shown === 0 ? 0 : first + shown - 1,
    total,
    hasPrevious: index > 0,
    hasNext: index + 1 < pages,
  };
}
