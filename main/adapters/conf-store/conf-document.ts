import Conf from 'conf';
import type ElectronStore from 'electron-store';
import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../../core/ports/clock.ts';
import type { StoreRecovery } from '../../core/ports/store-recovery.ts';
import type { JsonDocument } from '../../core/settings/json-document.ts';
import { moveFileAside } from './move-aside.ts';

/** The options this adapter gives the store class; both conf and electron-store accept them. */
export interface ConfDocumentOptions {
  readonly cwd: string;
  readonly configName: string;
  /** electron-store takes the file name from `name` and overwrites `configName` with it. */
  readonly name: string;
  readonly fileExtension: 'json';
  readonly configFileMode: number;
  readonly clearInvalidConfig: false;
  readonly accessPropertiesByDotNotation: false;
  readonly watch: false;
  readonly deserialize: (text: string) => Record<string, unknown>;
}

/** The part of conf's API this adapter uses: the whole store, read and written at once. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** `conf`'s class (Node, the cli, tests) or `electron-store`'s (the app); see `acceptsElectronStore`. */
export type ConfConstructor = new (options: ConfDocumentOptions) => ConfLike;

/**
 * The app passes electron-store's class as `Store`; this line stops compiling if that class ever
 * stops fitting, without importing electron-store (and with it Electron) at run time here.
 */
export const acceptsElectronStore = (Store: typeof ElectronStore): ConfConstructor => Store;

/** conf's class, the default: what the cli and tests use, so they never load Electron. */
export const nodeConfStore: ConfConstructor = Conf;

export interface OpenConfDocumentOptions {
  /** The folder holding the file; created (owner-only on POSIX) if missing. */
  readonly dir: string;
  /** Which store the file is, for the recovery report. */
  readonly store: 'settings' | 'history';
  /** File name without `.json`; defaults to the store's name. */
  readonly name?: string;
  readonly Store?: ConfConstructor;
  readonly clock?: Clock;
}

export interface OpenedDocument {
  readonly document: JsonDocument;
  /** Set when the file was not readable JSON of an object and was moved aside. */
  readonly recovery: StoreRecovery | null;
}

/** Owner read and write only: the files say which account and group this computer syncs. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * Opens one JSON store file through conf or electron-store. conf writes atomically (a temporary
 * file, fsync, rename, through `atomically`), applies the file mode on every write, and with
 * `clearInvalidConfig: false` throws on a damaged file instead of emptying it. That throw is
 * where the damaged file is moved aside and a fresh one started, and the recovery reported.
 * No conf schema is used: the core parses every value itself, which lets a bad settings field cost
 * only that field instead of the whole file.
 */
export function openConfDocument(options: OpenConfDocumentOptions): OpenedDocument {
  const { dir, store } = options;
  const name = options.name ?? store;
  const Store = options.Store ?? nodeConfStore;
  const clock = options.clock ?? systemClock;
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const confOptions: ConfDocumentOptions = {
    cwd: dir,
    configName: name,
    name,
    fileExtension: 'json',
    configFileMode: FILE_MODE,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
    deserialize: parseObjectJson,
  };
  try {
    return { document: confDocument(new Store(confOptions)), recovery: null };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'SyntaxError') throw error;
    const atMs = clock.nowMs();
    const movedTo = moveFileAside(path.resolve(dir, `${name}.json`), atMs);
    const recovery: StoreRecovery = { store, movedTo, reason: error.message, atMs };
    return { document: confDocument(new Store(confOptions)), recovery };
  }
}

function confDocument(conf: ConfLike): JsonDocument {
  return {
    path: conf.path,
    read: () => conf.store,
    write: (value) => {
      conf.store = { ...value };
    },
    moveAside: (atMs) => moveFileAside(conf.path, atMs),
  };
}

/**
 * JSON whose top level is an object, or a SyntaxError. conf would read `[]`, `null` or `"x"` as an
 * empty store and overwrite the file at the next write, silently losing it; refusing here makes
 * such a file take the same path as any other damaged one. A byte order mark (left by some
 * editors) is skipped, as conf does.
 */
export function parseObjectJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse quotes the text around the error, which must not reach the log.
    throw new SyntaxError(text.trim() === '' ? 'The file is empty' : 'The file is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new SyntaxError(`The file holds ${kind}, not an object`);
  }
  return value as Record<string, unknown>;
}
