import path from 'node:path';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { StoreRecovery } from '../../core/ports/store-recovery.ts';
import { openHistoryStore, type OpenedHistory } from '../../core/history/history-store.ts';
import { openSettingsStore, type OpenedSettings } from '../../core/settings/settings-store.ts';
import type { WriterLock } from '../../core/ports/writer-lock.ts';
import { openConfDocument, type ConfConstructor } from './conf-document.ts';
import { openReadOnlyDocument } from './read-only-document.ts';
import { HISTORY_FILE, SETTINGS_FILE } from '../../core/ports/data-folder.ts';
import type { BaseUrlPolicy } from '../../../common/validation.ts';

/** File names inside the data folder (the cli's `--data-dir`, the app's userData). */
export { HISTORY_FILE, SETTINGS_FILE };

export interface OpenDataDirOptions {
  readonly dir: string;
  /** conf by default; the app passes electron-store's class. */
  readonly Store?: ConfConstructor;
  readonly clock?: Clock;
  readonly maxRuns?: number;
  readonly maxBytes?: number;
  /** The folder's writer lock, which every write of settings and history holds. */
  readonly lock?: WriterLock;
  /** Where the settings' base URL may point (`OpenSettingsOptions.policy`); the cli's default. */
  readonly settingsPolicy?: BaseUrlPolicy;
}

export interface DataDirStores {
  readonly settings: OpenedSettings;
  readonly history: OpenedHistory;
  /** Every file that was moved aside while opening, for the log and the UI. */
  readonly recoveries: readonly StoreRecovery[];
  /** Everything the user should be told about opening the stores, in both languages. */
  readonly messages: readonly LocalizedMessage[];
}

/**
 * Opens `settings.json` and `history.json` in one folder, each through its own document, so a
 * damaged history never costs the settings and the other way round.
 */
export function openDataDir(options: OpenDataDirOptions): DataDirStores {
  const { dir, Store, clock } = options;
  const settingsFile = openConfDocument({
    dir,
    store: 'settings',
    name: base(SETTINGS_FILE),
    Store,
    clock,
  });
  const settings = openSettingsStore({
    ...settingsFile,
    clock,
    lock: options.lock,
    ...(options.settingsPolicy === undefined ? {} : { policy: options.settingsPolicy }),
  });
  const historyFile = openConfDocument({
    dir,
    store: 'history',
    name: base(HISTORY_FILE),
    Store,
    clock,
  });
  const history = openHistoryStore({
    ...historyFile,
    clock,
    maxRuns: options.maxRuns,
    maxBytes: options.maxBytes,
    lock: options.lock,
  });
  const recoveries = [settings.recovery, history.recovery].filter(
    (recovery): recovery is StoreRecovery => recovery !== null,
  );
  return { settings, history, recoveries, messages: [...settings.messages, ...history.messages] };
}

/**
 * The same two stores for reading only: nothing is created, written or moved aside. A damaged
 * file is reported (`store.damaged`, naming it) and read as empty.
 */
export function openDataDirReadOnly(dir: string): Omit<DataDirStores, 'recoveries'> {
  const settingsFile = openReadOnlyDocument(path.join(dir, SETTINGS_FILE));
  const historyFile = openReadOnlyDocument(path.join(dir, HISTORY_FILE));
  const settings = openSettingsStore({ document: settingsFile.document, readOnly: true });
  const history = openHistoryStore({ document: historyFile.document, readOnly: true });
  const damaged = [settingsFile, historyFile]
    .filter((file) => file.damaged)
    .map((file): LocalizedMessage => ({
      key: 'store.damaged',
      params: { path: file.document.path },
    }));
  return {
    settings,
    history,
    messages: [...damaged, ...settings.messages, ...history.messages],
  };
}

function base(fileName: string): string {
  return path.basename(fileName, '.json');
}
