/**
 * The arithmetic of a list that draws only the rows in view. Rows have one fixed height, so a row's
 * place follows from its index. Browsers cap an element's height (about 33.5 million px in
 * Chromium), which a million rows exceed; past `maxSpacerPx` the scrollable height is capped and
 * the scroll offset is mapped proportionally onto the rows' natural offsets, so the first and the
 * last row both stay reachable.
 */

export interface ListMetrics {
  readonly total: number;
  readonly rowHeight: number;
  /** Height of the area rows are drawn in (the scroll container less any sticky header). */
  readonly viewportHeight: number;
  /** The tallest scrollable height used; well below the browsers' cap. */
  readonly maxSpacerPx: number;
}

export interface RowRange {
  /** First row to draw. */
  readonly first: number;
  /** One past the last row to draw. */
  readonly end: number;
  /** Where the first drawn row starts inside the spacer, in px. */
  readonly offsetPx: number;
}

/** Height of the element that gives the container its scroll range. */
export function spacerHeight(metrics: ListMetrics): number {
  return Math.min(metrics.total * metrics.rowHeight, metrics.maxSpacerPx);
}

/** The largest scroll offset the container allows. */
export function maxScrollTop(metrics: ListMetrics): number {
  return Math.max(0, spacerHeight(metrics) - metrics.viewportHeight);
}

/** Natural px per scrolled px: 1 until the rows' natural height passes the cap. */
export function scrollScale(metrics: ListMetrics): number {
  const natural = metrics.total * metrics.rowHeight;
  const scrollRange = maxScrollTop(metrics);
  if (natural <= metrics.maxSpacerPx || scrollRange <= 0) return 1;
  return (natural - metrics.viewportHeight) / scrollRange;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** The rows in view plus `overscan` on each side, never more than `maxRows`. */
export function visibleRange(
  metrics: ListMetrics,
  scrollTop: number,
  overscan: number,
  maxRows: number,
): RowRange {
  const { total, rowHeight, viewportHeight } = metrics;
  if (total <= 0) return { first: 0, end: 0, offsetPx: 0 };
  const top = clamp(scrollTop, 0, maxScrollTop(metrics));
  const naturalTop = top * scrollScale(metrics);
  const firstVisible = clamp(Math.floor(naturalTop / rowHeight), 0, total - 1);
  const endVisible = clamp(Math.ceil((naturalTop + viewportHeight) / rowHeight), 1, total);
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, endVisible + overscan, first + Math.max(1, maxRows));
  return { first, end, offsetPx: top + first * rowHeight - naturalTop };
}

/** Whole rows that fit in view: how far Page Up and Page Down move. */
export function rowsPerPage(metrics: ListMetrics): number {
  return Math.max(1, Math.floor(metrics.viewportHeight / metrics.rowHeight));
}

/** The row at the top edge of the view. */
export function firstVisibleRow(metrics: ListMetrics, scrollTop: number): number {
  if (metrics.total <= 0) return 0;
  const top = clamp(scrollTop, 0, maxScrollTop(metrics));
  return clamp(Math.floor((top * scrollScale(metrics)) / metrics.rowHeight), 0, metrics.total - 1);
}

/** The scroll offset that puts row `index` at the top edge of the view. */
export function scrollTopForRow(metrics: ListMetrics, index: number): number {
  const target = (index * metrics.rowHeight) / scrollScale(metrics);
  return clamp(Math.ceil(target), 0, maxScrollTop(metrics));
}

/**
 * The scroll offset that shows row `index` whole, moving as little as possible: unchanged when it
 * is already in view. Rounds towards the row, so a scaled offset never leaves it cut at an edge.
 */
export function scrollTopToReveal(metrics: ListMetrics, scrollTop: number, index: number): number {
  const { rowHeight, viewportHeight } = metrics;
  const scale = scrollScale(metrics);
  const top = clamp(scrollTop, 0, maxScrollTop(metrics));
  const naturalTop = top * scale;
  const rowTop = index * rowHeight;
  let target: number;
  if (rowTop < naturalTop) target = Math.floor(rowTop / scale);
  else if (rowTop + rowHeight > naturalTop + viewportHeight) {
    target = Math.ceil((rowTop + rowHeight - viewportHeight) / scale);
  } else return top;
  return clamp(target, 0, maxScrollTop(metrics));
}
