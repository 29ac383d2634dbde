import path from 'node:path';
import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import { openDataDir, type OpenDataDirOptions } from '../adapters/conf-store/open-data-dir.ts';
import { openContactMirror } from '../adapters/sqlite/open-contact-mirror.ts';
import type { ContactMirror } from '../core/ports/contact-mirror.ts';
import type { HistoryStore } from '../core/ports/history-store.ts';
import type { SettingsStore } from '../core/ports/settings-store.ts';
import type { StoreRecovery } from '../core/ports/store-recovery.ts';
import { MIRROR_FILE } from './data-files.ts';

export { MIRROR_FILE };

export interface OpenedStores {
  readonly settings: SettingsStore;
  readonly history: HistoryStore;
  readonly mirror: ContactMirror;
  /** Files moved aside while opening, for the log and for the banner that tells the user. */
  readonly recoveries: readonly StoreRecovery[];
  readonly messages: readonly LocalizedMessage[];
  close(): void;
}

/**
 * Every store of one data folder: settings and history (conf in Node, electron-store in the app)
 * and the SQLite mirror. The cli, the benchmarks and the app all open their stores here, so they
 * read and write the very same files in the same way.
 */
export function openStores(options: OpenDataDirOptions): OpenedStores {
  const { settings, history, recoveries, messages } = openDataDir(options);
  const opened = openContactMirror({ file: path.join(options.dir, MIRROR_FILE) });
  const mirrorRecovery: LocalizedMessage[] = opened.recovery
    ? [{ key: 'mirror.recovered', params: { path: opened.recovery.movedTo } }]
    : [];
  return {
    settings: settings.store,
    history: history.store,
    mirror: opened.mirror,
    recoveries: opened.recovery ? [...recoveries, opened.recovery] : recoveries,
    messages: [...messages, ...mirrorRecovery],
    close: () => opened.mirror.close(),
  };
}
