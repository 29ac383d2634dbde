/**
 * Native notifications: watches the app state for finished runs, lets the policy in
 * `core/notify/` decide, and shows what it decides with Electron's `Notification`, written in the
 * user's language at the moment it appears. A click opens the screen the notice names.
 */
import { Notification } from 'electron';
import type { AppState } from '../../../common/ipc/app-state.ts';
import { formatMessage, type Language } from '../../../common/i18n/format-message.ts';
import type { NotificationLevel } from '../../../common/settings.ts';
import type { Notice, NoticeTarget } from '../../core/notify/notice.ts';
import { createNotificationPolicy } from '../../core/notify/notification-policy.ts';
import { systemClock, systemTimers, type Clock, type Timers } from '../../core/ports/clock.ts';

/**
 * Electron drops a notification's click handler when the object is garbage-collected, which can
 * happen while the toast is still on screen; the newest few are kept referenced until dismissed.
 */
const KEPT_NOTIFICATIONS = 10;

export interface NotificationsDeps {
  readonly language: () => Language;
  readonly level: () => NotificationLevel;
  readonly getState: () => AppState;
  readonly onStateChange: (listener: (state: AppState) => void) => () => void;
  /** Shows the window on the given screen. */
  readonly open: (target: NoticeTarget) => void;
  readonly clock?: Clock;
  readonly timers?: Timers;
  /** Where failures to show or to open are reported; console.error by default. */
  readonly onError?: (error: unknown) => void;
}

export interface AppNotifications {
  /** Call when the user saved a token, so a rejection of the new one is announced again. */
  tokenChanged(): void;
  /** Stops listening and drops changes still held back. */
  destroy(): void;
}

export function setupNotifications(deps: NotificationsDeps): AppNotifications {
  const onError = deps.onError ?? ((error: unknown) => console.error('Notifications:', error));
  const kept: Notification[] = [];

  const forget = (notification: Notification): void => {
    const index = kept.indexOf(notification);
    if (index >= 0) kept.splice(index, 1);
  };

  const show = (notice: Notice): void => {
    // Some Linux desktops have no notification server; Electron then reports false.
    if (!Notification.isSupported()) return;
    const language = deps.language();
    const notification = new Notification({
      title: formatMessage(language, notice.title.key, notice.title.params),
      body: formatMessage(language, notice.body.key, notice.body.params),
    });
    notification.on('click', () => {
      forget(notification);
      try {
        deps.open(notice.target);
      } catch (error) {
        onError(error);
      }
    });
    notification.on('close', () => forget(notification));
    notification.on('failed', (_event, error) => {
      forget(notification);
      onError(new Error(`Notification could not be shown: ${error}`));
    });
    kept.push(notification);
    if (kept.length > KEPT_NOTIFICATIONS) kept.shift();
    notification.show();
  };

  const showAll = (notices: readonly Notice[]): void => {
    for (const notice of notices) {
      try {
        show(notice);
      } catch (error) {
        onError(error);
      }
    }
  };

  const policy = createNotificationPolicy({
    clock: deps.clock ?? systemClock,
    timers: deps.timers ?? systemTimers,
    level: deps.level,
    deliver: (notice) => showAll([notice]),
    onError,
  });

  // A run already in the history at start-up (even one an earlier run of the app left interrupted) was
  // either announced then or is shown in the window; only runs finishing from now on are news.
  // A run is news once when it finishes, however often the state is re-sent with it.
  const initial = deps.getState().lastRun;
  let seen = initial === null ? null : { id: initial.id, outcome: initial.outcome };

  const unsubscribe = deps.onStateChange((state) => {
    const run = state.lastRun;
    if (run === null || (run.id === seen?.id && run.outcome === seen.outcome)) return;
    seen = { id: run.id, outcome: run.outcome };
    if (run.outcome !== 'running') showAll(policy.onRunFinished(run));
  });

  return {
    tokenChanged: () => policy.tokenChanged(),
    destroy() {
      unsubscribe();
      policy.dispose();
      kept.length = 0;
    },
  };
}
