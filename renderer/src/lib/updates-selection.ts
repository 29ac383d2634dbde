/**
 * What the user chose on the Updates screen, and the one function that turns it into the filter
 * sent to main, so the list, its counts and the CSV export always describe the same rows.
 */
import type { UpdatesFilter } from '../../../common/ipc/view-types.ts';
import { CHANGE_KINDS, type ChangeKind } from '../../../common/sync-types.ts';
import { windowStartMs, type UpdatesWindow } from './updates-window.ts';

export type UpdatesOrder = UpdatesFilter['order'];

export interface UpdatesSelection {
  /** Empty: every kind. */
  readonly kinds: readonly ChangeKind[];
  readonly window: UpdatesWindow;
  /** ASCII digits; empty for no search. */
  readonly idPrefix: string;
  readonly order: UpdatesOrder;
}

export const DEFAULT_SELECTION: UpdatesSelection = {
  kinds: [],
  window: 'all',
  idPrefix: '',
  order: 'detected-time',
};

/** Whether anything narrows the list; the sort order does not. */
export function isFiltered(selection: UpdatesSelection): boolean {
  return selection.kinds.length > 0 || selection.window !== 'all' || selection.idPrefix !== '';
}

/** The selection without its filters, keeping the sort order the user picked. */
export function withoutFilters(selection: UpdatesSelection): UpdatesSelection {
  return { ...DEFAULT_SELECTION, order: selection.order };
}

/** Adds or removes one kind, keeping the kinds in their catalogue order. */
export function toggleKind(kinds: readonly ChangeKind[], kind: ChangeKind): ChangeKind[] {
  const chosen = new Set(kinds);
  if (chosen.has(kind)) chosen.delete(kind);
  else chosen.add(kind);
  return CHANGE_KINDS.filter((candidate) => chosen.has(candidate));
}

/** Optional fields are left out rather than sent as undefined, so the filter reads as chosen. */
export function toFilter(
  selection: UpdatesSelection,
  nowMs: number,
  lastCommitStartMs: number | null,
): UpdatesFilter {
  const since = windowStartMs(selection.window, nowMs, lastCommitStartMs);
  return {
    order: selection.order,
    ...(selection.kinds.length > 0 ? { kinds: [...selection.kinds] } : {}),
    ...(since !== undefined ? { detectedSinceMs: since } : {}),
    ...(selection.idPrefix !== '' ? { idPrefix: selection.idPrefix } : {}),
  };
}
