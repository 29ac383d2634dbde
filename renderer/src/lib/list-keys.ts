/**
 * Where the highlighted row of a long list moves for a key press, as in a spreadsheet or a file
 * list: one row, one screenful, or to either end. Null for keys the list leaves alone.
 */
export function nextRowIndex(
  key: string,
  current: number,
  total: number,
  pageRows: number,
): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(last, from + Math.max(1, pageRows));
    case 'PageUp':
      return Math.max(0, from - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
