/**
 * How one sync run reads in the History screen: its duration, its changes and its counts, built
 * from catalogue keys only, so both languages (and Persian digits) come out of the same code.
 */
import type { MessageParams } from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import {
  CHANGE_KINDS,
  changedContacts,
  type ChangeKind,
  type SyncRunRecord,
} from '../../../common/sync-types.ts';

/** `I18nModel.t`: the formatter is passed in, so these functions stay plain and testable. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Under ten seconds to a tenth ("1.2 s"), then whole seconds, then minutes and seconds, so a
 * quick run is not shown as "0 s" and a slow one is not a four-digit number of seconds.
 */
export function formatDuration(ms: number, t: Translate): string {
  const safe = Math.max(0, ms);
  // A run on a fast line can end in a few milliseconds, which would round to "0 s".
  if (safe < 100) return t('ui.history.duration.instant');
  if (safe < 10_000) return t('ui.history.duration', { seconds: Math.round(safe / 100) / 10 });
  const totalSeconds = Math.round(safe / 1000);
  if (totalSeconds < 60) return t('ui.history.duration', { seconds: totalSeconds });
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (seconds === 0) return t('ui.history.duration.whole-minutes', { minutes });
  return t('ui.history.duration.minutes', { minutes, seconds });
}

/** How long a run took, or why there is nothing to say (yet). */
export function runDuration(
  run: Pick<SyncRunRecord, 'outcome' | 'durationMs'>,
  t: Translate,
): string {
  if (run.outcome === 'running') return t('ui.history.duration.running');
  if (run.durationMs !== null) return formatDuration(run.durationMs, t);
  return t('ui.history.duration.none');
}

/** "3 changes", "1 change", "No changes": the one number a user scans the list for. */
export function changesText(count: number, t: Translate): string {
  if (count === 0) return t('ui.history.changes.none');
  return t(count === 1 ? 'ui.history.changes.one' : 'ui.history.changes.other', { count });
}

/** What a finished run did, in a line: a baseline's size, or its number of changes. */
export function runChangesText(run: SyncRunRecord, t: Translate): string | null {
  if (run.counts === null) return null;
  if (run.outcome === 'baseline') {
    const count = run.counts.received;
    return t(count === 1 ? 'ui.history.baseline.one' : 'ui.history.baseline.other', { count });
  }
  return changesText(changedContacts(run.counts), t);
}

export interface CountItem {
  readonly kind: ChangeKind | 'received';
  readonly text: string;
}

/**
 * The kinds of change a run found, only those it found, then how many contacts arrived. A baseline
 * has none: its "added" are the whole mirror, not news, and its summary already says how many.
 */
export function countItems(run: SyncRunRecord, t: Translate): CountItem[] {
  const counts = run.counts;
  if (counts === null || run.outcome === 'baseline') return [];
  const kinds = CHANGE_KINDS.filter((kind) => counts[kind] > 0);
  return [
    ...kinds.map((kind) => ({
      kind,
      text: t(`ui.history.count.${kind}`, { count: counts[kind] }),
    })),
    { kind: 'received', text: t('ui.history.count.received', { count: counts.received }) },
  ];
}
