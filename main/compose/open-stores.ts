import fs from 'node:fs';
import path from 'node:path';
import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import {
  HISTORY_FILE,
  SETTINGS_FILE,
  openDataDir,
  openDataDirReadOnly,
  type OpenDataDirOptions,
} from '../adapters/conf-store/open-data-dir.ts';
import {
  openContactMirror,
  openContactMirrorReadOnly,
} from '../adapters/sqlite/sqlite-contact-mirror.ts';
import { WRITER_LOCK_FILE, openWriterLock } from '../adapters/sqlite/writer-lock-file.ts';
import type { ContactMirror } from '../core/ports/contact-mirror.ts';
import type { HistoryStore } from '../core/ports/history-store.ts';
import type { SettingsStore } from '../core/ports/settings-store.ts';
import { StoreOpenError } from '../core/ports/store-error.ts';
import type { StoreRecovery } from '../core/ports/store-recovery.ts';
import { UNSHARED_LOCK, type WriterLock } from '../core/ports/writer-lock.ts';
import type { DocumentSettingsStore } from '../core/settings/settings-store.ts';
import { classifyOpenError } from './classify-open-error.ts';
import { DATA_FILES, MIRROR_FILE } from '../core/ports/data-folder.ts';
import { makeDataFolderPrivate } from './private-data-folder.ts';

export { MIRROR_FILE };
export { StoreOpenError };

export interface OpenedStores {
  readonly settings: SettingsStore & Pick<DocumentSettingsStore, 'syncBlocker'>;
  readonly history: HistoryStore;
  readonly mirror: ContactMirror;
  /** The folder's writer lock: a sync holds it; settings and history writes take it briefly. */
  readonly lock: WriterLock;
  /** The mirror's file, for messages about it. */
  readonly mirrorFile: string;
  /** Files moved aside while opening, for the log and for the banner that tells the user. */
  readonly recoveries: readonly StoreRecovery[];
  readonly messages: readonly LocalizedMessage[];
  close(): void;
}

/** What the three identity settings are called in the mirror's terms. */
const IDENTITY_SETTINGS = ['baseUrl', 'contactGroupId', 'serverTimeZone'] as const;

/**
 * Every store of one data folder: settings and history (conf in Node, electron-store in the app),
 * the SQLite mirror and the folder's writer lock. The cli, the benchmarks and the app all open
 * their stores here, so they read and write the very same files in the same way. Whatever stops
 * the opening is thrown as one `StoreOpenError` (message key and values, naming the path).
 */
export function openStores(options: OpenDataDirOptions): OpenedStores {
  const { dir } = options;
  const mirrorFile = path.join(dir, MIRROR_FILE);
  let lock: ReturnType<typeof openWriterLock> | null = null;
  let step = dir;
  try {
    prepareFolder(dir);
    makeDataFolderPrivate(dir);
    lock = openWriterLock(path.join(dir, WRITER_LOCK_FILE));
    step = path.join(dir, SETTINGS_FILE);
    const { settings, history, recoveries, messages } = openDataDir({ ...options, lock });
    step = mirrorFile;
    const opened = openContactMirror({ file: mirrorFile });
    const mirrorRecovery: LocalizedMessage[] = opened.recovery
      ? [{ key: 'mirror.recovered', params: { path: opened.recovery.movedTo } }]
      : [];
    const restored = settings.recovery ? restoreFromMirror(settings.store, opened.mirror) : [];
    const heldLock = lock;
    return {
      settings: settings.store,
      history: history.store,
      mirror: opened.mirror,
      lock: heldLock,
      mirrorFile,
      recoveries: opened.recovery ? [...recoveries, opened.recovery] : recoveries,
      messages: [...messages, ...mirrorRecovery, ...restored],
      close: () => {
        try {
          opened.mirror.close();
        } finally {
          heldLock.close();
        }
      },
    };
  } catch (error) {
    lock?.close();
    throw classifyOpenError(error, step);
  }
}

/**
 * The same stores for a command that only reads: nothing is created, migrated, written or moved
 * aside. An absent folder, or one without a mirror, is a `StoreOpenError` naming it — a mistyped
 * `--data-dir` must not print an empty list as if all were well — and a damaged file is reported
 * where it lies. The mirror may be read while another process writes it.
 */
export function openStoresReadOnly(dir: string): OpenedStores {
  const mirrorFile = path.join(dir, MIRROR_FILE);
  let step = dir;
  try {
    const folder = fs.statSync(dir, { throwIfNoEntry: false });
    if (folder === undefined) throw missing('store.folder-missing', dir);
    if (!folder.isDirectory()) throw missing('store.not-a-folder', dir);
    refuseFoldersAsFiles(dir);
    step = mirrorFile;
    if (!fs.existsSync(mirrorFile)) throw missing('store.no-mirror', dir);
    const mirror = openContactMirrorReadOnly(mirrorFile);
    if (mirror === null) throw missing('store.no-mirror', dir);
    try {
      // Only now is it known to be a data folder (`/` is not, and must keep its mode).
      makeDataFolderPrivate(dir, { readOnly: true });
      step = path.join(dir, SETTINGS_FILE);
      const { settings, history, messages } = openDataDirReadOnly(dir);
      return {
        settings: settings.store,
        history: history.store,
        mirror,
        lock: UNSHARED_LOCK,
        mirrorFile,
        recoveries: [],
        messages,
        close: () => mirror.close(),
      };
    } catch (error) {
      mirror.close();
      throw error;
    }
  } catch (error) {
    throw classifyOpenError(error, step === dir ? dir : historyOrStep(error, step));
  }
}

function historyOrStep(error: unknown, step: string): string {
  const named = (error as { path?: unknown } | null)?.path;
  return typeof named === 'string' && named.endsWith(HISTORY_FILE) ? named : step;
}

function missing(
  key: 'store.folder-missing' | 'store.no-mirror' | 'store.not-a-folder',
  dir: string,
) {
  return new StoreOpenError('storage', { key, params: { path: dir } }, { path: dir });
}

/**
 * The folder, created owner-only if absent; a file in its place (or above it) is refused, and so
 * is a folder where a store file should be.
 */
function prepareFolder(dir: string): void {
  const found = fs.statSync(dir, { throwIfNoEntry: false });
  if (found !== undefined && !found.isDirectory()) throw missing('store.not-a-folder', dir);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw realMkdirError(dir) ?? error;
  }
  refuseFoldersAsFiles(dir);
}

/**
 * A recursive `mkdir` on a read-only disk reports `ENOENT`; creating the first missing folder
 * alone gives the real reason (`EROFS`, `EACCES`).
 */
function realMkdirError(dir: string): unknown {
  let missingDir = path.resolve(dir);
  while (!fs.existsSync(path.dirname(missingDir))) missingDir = path.dirname(missingDir);
  try {
    fs.mkdirSync(missingDir, { mode: 0o700 });
    fs.rmdirSync(missingDir);
    return null;
  } catch (error) {
    return error;
  }
}

/** A folder named like a store file: said of that file, and nothing is written beside it. */
function refuseFoldersAsFiles(dir: string): void {
  for (const name of DATA_FILES) {
    const file = path.join(dir, name);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw new StoreOpenError(
        'storage',
        { key: 'store.file-is-folder', params: { path: file } },
        { path: file, code: 'EISDIR' },
      );
    }
  }
}

/**
 * The settings file was unreadable and moved aside, so the settings are defaults — the production
 * server, group 0. Syncing those against a mirror of another server or group would report every
 * contact as changed. The mirror knows what it mirrors: those settings are taken back from it. A
 * mirror with contacts but no stored identity (an older one) cannot say: the three settings are
 * then unusable until set again, and syncing stops.
 */
function restoreFromMirror(
  settings: DocumentSettingsStore,
  mirror: ContactMirror,
): LocalizedMessage[] {
  const identity = mirror.identity();
  if (identity === null) {
    if (mirror.count() === 0) return [];
    settings.markUnusable(IDENTITY_SETTINGS);
    return [{ key: 'settings.stored.unusable', params: { fields: IDENTITY_SETTINGS.join(', ') } }];
  }
  const restored = settings.update({
    baseUrl: identity.baseUrl,
    contactGroupId: identity.contactGroupId,
    serverTimeZone: identity.serverTimeZone,
  });
  if (!restored.ok) {
    settings.markUnusable(IDENTITY_SETTINGS);
    return [{ key: 'settings.stored.unusable', params: { fields: IDENTITY_SETTINGS.join(', ') } }];
  }
  return [
    {
      key: 'settings.restored-from-mirror',
      params: {
        baseUrl: identity.baseUrl,
        group: identity.contactGroupId,
        timeZone: identity.serverTimeZone,
      },
    },
  ];
}
