/**
 * What the tray shows for an app state: which icon, which tooltip, which menu. Pure functions over
 * plain data, without Electron, so every state and both languages can be checked in a unit test;
 * `tray.ts` only hands the results to Electron.
 */
import type { AppState } from '../../../common/ipc/app-state.ts';
import {
  formatMessage,
  type Language,
  type MessageParams,
} from '../../../common/i18n/format-message.ts';
import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import {
  changedContacts,
  type SyncCounts,
  type SyncRunRecord,
} from '../../../common/sync-types.ts';
import {
  formatClockTime,
  formatTimeAgo,
  formatTimeOfDay,
} from '../../../common/format/relative-time.ts';
import type { PauseRequest } from '../../core/scheduler/scheduler-types.ts';
import type { TrayState } from './tray-icons.ts';

const HOUR_MS = 60 * 60_000;

/** The morning hour "Until tomorrow" means: the start of an office day. */
export const PAUSE_UNTIL_TOMORROW = { hour: 8, minute: 0 } as const;

/**
 * Windows keeps at most 127 UTF-16 units of a tray tooltip (`NOTIFYICONDATA.szTip`) and cuts the
 * rest mid-word; cutting it ourselves lets the text end with an ellipsis instead.
 */
export const TOOLTIP_MAX_LENGTH = 127;

/** Everything a menu item can ask the app to do. */
export type TrayCommand =
  | { readonly kind: 'open' }
  | { readonly kind: 'sync-now' }
  | { readonly kind: 'pause'; readonly request: PauseRequest }
  | { readonly kind: 'resume' }
  | { readonly kind: 'start-at-login'; readonly enabled: boolean }
  | { readonly kind: 'open-logs' }
  | { readonly kind: 'quit' };

/** A menu as data; `tray.ts` turns it into an Electron template. */
export type TrayMenuItem =
  | { readonly type: 'status'; readonly label: string }
  | {
      readonly type: 'action';
      readonly label: string;
      readonly enabled: boolean;
      readonly command: TrayCommand;
    }
  | {
      readonly type: 'checkbox';
      readonly label: string;
      readonly checked: boolean;
      readonly command: TrayCommand;
    }
  | { readonly type: 'submenu'; readonly label: string; readonly items: readonly TrayMenuItem[] }
  | { readonly type: 'separator' };

/** What the app does for each command; the wiring in `index.ts` supplies them. */
export interface TrayActions {
  open(): void;
  syncNow(): void | Promise<unknown>;
  pause(request: PauseRequest): void | Promise<unknown>;
  resume(): void | Promise<unknown>;
  setStartAtLogin(enabled: boolean): void | Promise<unknown>;
  startAtLogin(): boolean;
  openLogsFolder(): void | Promise<unknown>;
  quit(): void;
}

/** The moment and place the texts are written for. */
export interface TrayTextContext {
  readonly language: Language;
  readonly nowMs: number;
  /** IANA zone for clock times; the machine's when absent. */
  readonly timeZone?: string;
}

/** Everything the tray shows at one moment. */
export interface TrayView {
  readonly icon: TrayState;
  readonly tooltip: string;
  readonly menu: readonly TrayMenuItem[];
}

/**
 * The icon for a state. Syncing shows first, because it ends soon and explains the wait; then what
 * needs the user (no token, a blocked sync), then the user's own pause, then being offline, which
 * explains a failure better than the failure does; only then the last run's outcome.
 */
export function trayIconState(state: AppState): TrayState {
  if (state.syncing) return 'syncing';
  if (!state.token.present || state.blocked !== null) return 'error';
  if (state.paused !== null) return 'paused';
  if (!state.online) return 'offline';
  if (state.lastRun?.outcome === 'failed') return 'error';
  return 'idle';
}

/**
 * One short line on how syncing stands, in the same order of importance as the icon, so the
 * tooltip always explains the icon next to it. It also heads the menu.
 */
export function trayStatusLine(state: AppState, context: TrayTextContext): string {
  const text = (key: MessageKey, params?: MessageParams): string =>
    formatMessage(context.language, key, params);
  if (state.syncing) return text('tray.status.syncing');
  if (!state.token.present) {
    return text(state.token.problem ? 'tray.status.token-problem' : 'tray.status.no-token');
  }
  if (state.blocked !== null) return text(`tray.status.blocked.${state.blocked}`);
  if (state.paused !== null) {
    if (state.paused.untilResumed) return text('tray.status.paused');
    const time = formatClockTime(
      context.language,
      state.paused.untilMs,
      context.nowMs,
      context.timeZone,
    );
    return text('tray.status.paused-until', { time });
  }
  if (!state.online) return text('tray.status.offline');
  return lastRunLine(state.lastRun, context);
}

function lastRunLine(run: SyncRunRecord | null, context: TrayTextContext): string {
  const { language } = context;
  if (run === null) return formatMessage(language, 'tray.status.never');
  const when = formatTimeAgo(language, finishedAtMs(run), context.nowMs);
  switch (run.outcome) {
    case 'running':
      return formatMessage(language, 'tray.status.syncing');
    case 'success':
      return formatMessage(language, 'tray.status.synced', {
        when,
        changes: changesText(language, run.counts),
      });
    case 'baseline': {
      const count = run.counts?.received ?? 0;
      const key = pluralKey(language, count, 'tray.contacts.one', 'tray.contacts.other');
      return formatMessage(language, 'tray.status.baseline', {
        when,
        contacts: formatMessage(language, key, { count }),
      });
    }
    case 'failed': {
      const reason = formatMessage(language, `tray.reason.${run.errorKind ?? 'unknown'}`);
      return formatMessage(language, 'tray.status.failed', { when, reason });
    }
    case 'cancelled':
      return formatMessage(language, 'tray.status.cancelled', { when });
    case 'interrupted':
      return formatMessage(language, 'tray.status.interrupted', { when });
  }
}

/** "12 changes", "no changes": every kind the change log records counts as a change. */
function changesText(language: Language, counts: SyncCounts | null): string {
  const count = changedContacts(counts);
  if (count === 0) return formatMessage(language, 'tray.changes.none');
  const key = pluralKey(language, count, 'tray.changes.one', 'tray.changes.other');
  return formatMessage(language, key, { count });
}

/** The contacts a run logged as changed (any kind but unchanged). */
/** A run is "synced" when it ended, not when it began: a long download should not look stale. */
function finishedAtMs(run: SyncRunRecord): number {
  return run.startedAtMs + (run.durationMs ?? 0);
}

function pluralKey(language: Language, count: number, one: MessageKey, other: MessageKey) {
  return new Intl.PluralRules(language).select(count) === 'one' ? one : other;
}

/** App name over the status line, cut to what Windows can show. */
export function trayTooltip(state: AppState, context: TrayTextContext): string {
  const text = `${formatMessage(context.language, 'app.name')}\n${trayStatusLine(state, context)}`;
  return text.length <= TOOLTIP_MAX_LENGTH ? text : `${text.slice(0, TOOLTIP_MAX_LENGTH - 1)}…`;
}

/**
 * The tray menu. The status line is disabled (it is information, not an action). "Sync now" is
 * disabled while a sync runs, because a click would only queue a second run. Resume appears in the
 * Pause submenu only while paused, next to the lengths that would replace the current pause.
 */
export function trayMenu(
  state: AppState,
  context: TrayTextContext,
  startAtLogin: boolean,
): TrayMenuItem[] {
  const text = (key: MessageKey, params?: MessageParams): string =>
    formatMessage(context.language, key, params);
  const action = (label: string, command: TrayCommand, enabled = true): TrayMenuItem => ({
    type: 'action',
    label,
    enabled,
    command,
  });
  const hours = (count: number): TrayMenuItem =>
    action(
      text(
        pluralKey(
          context.language,
          count,
          'tray.menu.pause.hours.one',
          'tray.menu.pause.hours.other',
        ),
        {
          count,
        },
      ),
      { kind: 'pause', request: { for: count * HOUR_MS } },
    );
  const { hour, minute } = PAUSE_UNTIL_TOMORROW;
  const pauseItems: TrayMenuItem[] = [
    hours(1),
    hours(4),
    action(
      text('tray.menu.pause.tomorrow', { time: formatTimeOfDay(context.language, hour, minute) }),
      {
        kind: 'pause',
        request: { untilTomorrowAt: formatTimeOfDay('en', hour, minute) },
      },
    ),
    action(text('tray.menu.pause.until-resumed'), {
      kind: 'pause',
      request: { untilResumed: true },
    }),
  ];
  if (state.paused !== null) {
    pauseItems.push({ type: 'separator' }, action(text('tray.menu.resume'), { kind: 'resume' }));
  }
  return [
    { type: 'status', label: trayStatusLine(state, context) },
    { type: 'separator' },
    action(text('tray.menu.open'), { kind: 'open' }),
    action(text('tray.menu.sync-now'), { kind: 'sync-now' }, !state.syncing),
    { type: 'submenu', label: text('tray.menu.pause'), items: pauseItems },
    {
      type: 'checkbox',
      label: text('tray.menu.start-at-login'),
      checked: startAtLogin,
      command: { kind: 'start-at-login', enabled: !startAtLogin },
    },
    action(text('tray.menu.open-logs'), { kind: 'open-logs' }),
    { type: 'separator' },
    action(text('tray.menu.quit'), { kind: 'quit' }),
  ];
}

/** Icon, tooltip and menu for one moment. */
export function trayView(
  state: AppState,
  context: TrayTextContext,
  startAtLogin: boolean,
): TrayView {
  return {
    icon: trayIconState(state),
    tooltip: trayTooltip(state, context),
    menu: trayMenu(state, context, startAtLogin),
  };
}

/** Carries out a menu command; the result is the action's, so the caller can report a rejection. */
export function runTrayCommand(
  command: TrayCommand,
  actions: TrayActions,
): void | Promise<unknown> {
  switch (command.kind) {
    case 'open':
      return actions.open();
    case 'sync-now':
      return actions.syncNow();
    case 'pause':
      return actions.pause(command.request);
    case 'resume':
      return actions.resume();
    case 'start-at-login':
      return actions.setStartAtLogin(command.enabled);
    case 'open-logs':
      return actions.openLogsFolder();
    case 'quit':
      return actions.quit();
  }
}
