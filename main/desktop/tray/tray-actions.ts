/**
 * What the tray menu's commands do in the running app. "Start at login" is a setting like any
 * other: changing it here goes through the settings store, which checks and saves it, and the
 * settings' effects register the login item, so the tray and the settings page never disagree.
 */
import type { SettingsStore } from '../../core/ports/settings-store.ts';
import type { SyncScheduler } from '../../core/scheduler/scheduler-types.ts';
import type { TrayActions } from './tray-menu.ts';

export interface TrayActionDeps {
  readonly openWindow: () => void;
  readonly scheduler: Pick<SyncScheduler, 'requestSync' | 'pause' | 'resume'>;
  readonly settings: Pick<SettingsStore, 'get' | 'update'>;
  readonly openLogsFolder: () => Promise<unknown>;
  readonly quit: () => void;
}

export function createTrayActions(deps: TrayActionDeps): TrayActions {
  return {
    open: deps.openWindow,
    syncNow: () => deps.scheduler.requestSync('tray'),
    pause: (request) => deps.scheduler.pause(request),
    resume: () => deps.scheduler.resume(),
    setStartAtLogin: (enabled) => {
      const result = deps.settings.update({ startAtLogin: enabled });
      if (!result.ok) throw new Error(`start at login was refused: ${result.message.key}`);
    },
    startAtLogin: () => deps.settings.get().startAtLogin,
    openLogsFolder: deps.openLogsFolder,
    quit: deps.quit,
  };
}
