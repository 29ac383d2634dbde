/**
 * When the app speaks up. A tray app that syncs every few minutes could notify all day; this
 * decides what is worth interrupting someone for:
 *
 * - changes (level `changes-and-errors` only): at most one summary per window (15 minutes). Runs
 *   that change contacts inside the window are held back and folded into one notice, delivered
 *   when the window ends, so a busy morning gives "37 contacts changed in the last 3 syncs"
 *   instead of three pop-ups. A baseline fills an empty mirror and is never "N changes".
 * - failures (levels `errors` and `changes-and-errors`): once per error class when syncing starts
 *   failing, not on every retry or run; a successful sync forgets them, so the next failure is news
 *   again.
 * - a rejected token: said once, with the status's advice, and a click goes to the token field,
 *   because automatic syncs stop until the user acts. A new token makes it news again.
 *
 * Level `off` shows nothing. The level is read at each decision, so a settings change applies at
 * once, including to changes already held back.
 */
import type { ErrorKind } from '../../../common/amoot-types.ts';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { NotificationLevel } from '../../../common/settings.ts';
import { changedContacts, type SyncRunRecord } from '../../../common/sync-types.ts';
import type { Clock, TimerHandle, Timers } from '../ports/clock.ts';
import type { Notice } from './notice.ts';
import { noticeMessage } from './notice-text.ts';

/** The shortest gap between two change summaries. */
export const CHANGES_WINDOW_MS = 15 * 60_000;

export interface NotificationPolicyDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly level: () => NotificationLevel;
  /** Receives a folded summary when the window ends; notices due at once are returned instead. */
  readonly deliver: (notice: Notice) => void;
  readonly windowMs?: number;
  /** Where a throwing `deliver` is reported; console.error by default. */
  readonly onError?: (error: unknown) => void;
}

export interface NotificationPolicy {
  /**
   * Takes a finished run (the same run twice counts once; a `running` record is ignored) and
   * returns the notices to show now. Held-back changes arrive later through `deliver`.
   */
  onRunFinished(run: SyncRunRecord): readonly Notice[];
  /** The user saved another token: if that one is rejected too, say so again. */
  tokenChanged(): void;
  /** Drops held-back changes and clears the timer. */
  dispose(): void;
}

interface HeldChanges {
  readonly count: number;
  readonly runIds: readonly string[];
}

export function createNotificationPolicy(deps: NotificationPolicyDeps): NotificationPolicy {
  const windowMs = deps.windowMs ?? CHANGES_WINDOW_MS;
  const onError = deps.onError ?? ((error: unknown) => console.error('Notifications:', error));
  /** Error classes already announced since the last success. */
  const announced = new Set<ErrorKind>();
  let lastRunId: string | null = null;
  /** Monotonic time of the last change summary, so a wall-clock change cannot flood or mute. */
  let lastSummaryAtMs: number | null = null;
  let held: HeldChanges | null = null;
  let timer: TimerHandle | null = null;
  let disposed = false;

  const wantsChanges = (): boolean => deps.level() === 'changes-and-errors';

  const clearTimer = (): void => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
  };

  /** Turns everything held into one notice and starts a new window. */
  const flush = (changes: HeldChanges): Notice => {
    held = null;
    clearTimer();
    lastSummaryAtMs = deps.clock.monotonicMs();
    return changesNotice(changes);
  };

  const windowEnded = (): void => {
    timer = null;
    const changes = held;
    if (disposed || changes === null) return;
    if (!wantsChanges()) {
      held = null;
      return;
    }
    const notice = flush(changes);
    try {
      deps.deliver(notice);
    } catch (error) {
      onError(error);
    }
  };

  const onChanges = (run: SyncRunRecord): Notice[] => {
    const count = changedContacts(run.counts);
    if (count === 0 || !wantsChanges()) return [];
    const changes: HeldChanges = {
      count: (held?.count ?? 0) + count,
      runIds: [...(held?.runIds ?? []), run.id],
    };
    const now = deps.clock.monotonicMs();
    if (lastSummaryAtMs === null || now - lastSummaryAtMs >= windowMs) return [flush(changes)];
    held = changes;
    if (timer === null)
      timer = deps.timers.setTimeout(windowEnded, lastSummaryAtMs + windowMs - now);
    return [];
  };

  const onFailure = (run: SyncRunRecord): Notice[] => {
    const kind = run.errorKind ?? 'unknown';
    // Nothing is announced while the level is off, so turning notifications on later still
    // tells the user about a failure that goes on.
    if (kind === 'cancelled' || deps.level() === 'off' || announced.has(kind)) return [];
    announced.add(kind);
    return [kind === 'auth' ? tokenRejectedNotice(run) : failureNotice(run)];
  };

  return {
    onRunFinished(run) {
      if (disposed || run.outcome === 'running' || run.id === lastRunId) return [];
      lastRunId = run.id;
      switch (run.outcome) {
        case 'success':
          announced.clear();
          return onChanges(run);
        case 'baseline':
          announced.clear();
          return [];
        case 'failed':
          return onFailure(run);
        // Cancelled: the user asked for it. Interrupted: the app stopped mid-run and the next
        // start syncs again; neither is news worth a pop-up.
        case 'cancelled':
        case 'interrupted':
          return [];
      }
    },
    tokenChanged() {
      announced.delete('auth');
    },
    dispose() {
      disposed = true;
      held = null;
      clearTimer();
    },
  };
}

function changesNotice(changes: HeldChanges): Notice {
  const runs = changes.runIds.length;
  const { count } = changes;
  let body: LocalizedMessage;
  if (runs > 1) body = { key: 'notify.changes.body.folded', params: { count, runs } };
  else if (count === 1) body = { key: 'notify.changes.body.one', params: { count } };
  else body = { key: 'notify.changes.body.other', params: { count } };
  return {
    kind: 'changes',
    title: { key: 'notify.changes.title' },
    body,
    target: 'updates',
    runIds: changes.runIds,
  };
}

/**
 * The run's own message already says what happened and what to do (DESIGN.md, house rules); the
 * values in it, which may be the server's text, are cut short and cleaned (`noticeMessage`).
 */
function failureNotice(run: SyncRunRecord): Notice {
  return {
    kind: 'failure',
    title: { key: 'notify.failed.title' },
    body: run.message ? noticeMessage(run.message) : { key: 'notify.failed.body' },
    target: 'history',
    runIds: [run.id],
  };
}

function tokenRejectedNotice(run: SyncRunRecord): Notice {
  return {
    kind: 'token-rejected',
    title: { key: 'notify.token-rejected.title' },
    body: run.message ? noticeMessage(run.message) : { key: 'notify.token-rejected.body' },
    target: 'settings-token',
    runIds: [run.id],
  };
}
