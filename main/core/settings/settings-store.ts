import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import {
  checkSettingsPatch,
  isPlainObject,
  type SettingsKey,
  type SettingsPatchCheck,
} from '../../../common/settings-check.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.ts';
import type { BaseUrlPolicy } from '../../../common/validation.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { SettingsCheck, SettingsStore, SettingsUpdate } from '../ports/settings-store.ts';
import type { StoreRecovery } from '../ports/store-recovery.ts';
import { classifyStoreFailure } from '../ports/store-error.ts';
import { UNSHARED_LOCK, type WriterLock } from '../ports/writer-lock.ts';
import { setAsideUnusable, type JsonDocument } from './json-document.ts';
import { readStoredSettings, type SettingsLoadNote } from './read-stored-settings.ts';

type Listener = (settings: Settings, changed: ReadonlyArray<SettingsKey>) => void;

/**
 * Settings a sync cannot do without: a default in their place would sync another server, group
 * or time zone (fake changes by the thousand) or cut the change log shorter than the user chose.
 * While one of them is unusable, syncing stops until it is set again.
 */
export const SYNC_SETTINGS: readonly SettingsKey[] = [
  'baseUrl',
  'contactGroupId',
  'serverTimeZone',
  'changeLogMaxAgeDays',
  'changeLogMaxRows',
];

/** A field marked unusable that the file does not hold (its whole file was moved aside). */
const NOT_IN_FILE = Symbol('not in file');

/**
 * The settings kept in one JSON document. The current settings live in memory; the document is
 * written only after a patch has passed every check, so a refused change leaves the file's bytes
 * untouched, and a failed write (disk full) leaves memory as it was and throws.
 *
 * A stored value that cannot be used is never silently replaced by its default: the field is
 * named (`unusable`), its bytes stay in the file at every save, and a sync refuses to run while a
 * field it needs is unusable, until a patch sets it again. Writes happen under the folder's writer
 * lock, on the file as it is now (another process may have saved since).
 */
export class DocumentSettingsStore implements SettingsStore {
  readonly #document: JsonDocument;
  readonly #lock: WriterLock;
  readonly #policy: BaseUrlPolicy;
  #settings: Settings;
  /** Each unusable field with its raw stored value, written back unchanged. */
  #unusable: Map<SettingsKey, unknown>;
  readonly #listeners = new Set<Listener>();

  constructor(
    document: JsonDocument,
    initial: Settings,
    options: {
      lock?: WriterLock;
      unusable?: ReadonlyMap<SettingsKey, unknown>;
      policy?: BaseUrlPolicy;
    } = {},
  ) {
    this.#document = document;
    this.#lock = options.lock ?? UNSHARED_LOCK;
    this.#policy = options.policy ?? {};
    this.#settings = Object.freeze({ ...initial });
    this.#unusable = new Map(options.unusable);
  }

  /** The settings as the file holds them now: another process (the cli) may have saved since. */
  get(): Settings {
    this.#reread();
    return this.#settings;
  }

  /** The stored fields that could not be used and were not set again since. */
  unusable(): readonly SettingsKey[] {
    return [...this.#unusable.keys()];
  }

  /** Marks fields unusable until set again (the settings file was lost; see open-stores.ts). */
  markUnusable(keys: readonly SettingsKey[]): void {
    for (const key of keys) if (!this.#unusable.has(key)) this.#unusable.set(key, NOT_IN_FILE);
  }

  /**
   * Why a sync must not run with these settings, or null when it may. `givenForThisRun` names the
   * fields the caller sets for this run itself (the cli's flags): a stored value it replaces
   * cannot block.
   */
  syncBlocker(givenForThisRun: readonly string[] = []): LocalizedMessage | null {
    const blocking = this.unusable().filter(
      (key) => SYNC_SETTINGS.includes(key) && !givenForThisRun.includes(key),
    );
    return blocking.length === 0
      ? null
      : { key: 'sync.settings-unusable', params: { fields: blocking.join(', ') } };
  }

  /**
   * Checks and applies a patch from anywhere, the renderer included, and says which keys changed.
   * This is what IPC should call: unlike `update` it can answer "not an object" or "unknown key"
   * (field `null`) instead of throwing. Refused with `store.busy` while another process writes
   * the folder.
   */
  apply(patch: unknown): SettingsPatchCheck {
    const held = this.#lock.holdNow(() => this.#applyNow(patch));
    return held.ok ? held.value : { ok: false, field: null, message: { key: 'store.busy' } };
  }

  /** What `update(patch)` would do now, against the file as it is, without writing anything. */
  check(patch: unknown): SettingsCheck {
    this.#reread();
    const before = this.#settings;
    const checked = checkSettingsPatch(before, patch, this.#policy);
    if (!checked.ok) return checked;
    return { ok: true, before, after: checked.settings, changed: checked.changed };
  }

  #applyNow(patch: unknown): SettingsPatchCheck {
    this.#reread();
    const checked = checkSettingsPatch(this.#settings, patch, this.#policy);
    if (!checked.ok) return checked;
    const named = isPlainObject(patch) ? Object.keys(patch) : [];
    const setAgain = this.unusable().filter((key) => named.includes(key));
    if (checked.changed.length === 0 && setAgain.length === 0) return checked;
    const next = Object.freeze({ ...checked.settings });
    const unusable = new Map(this.#unusable);
    for (const key of setAgain) unusable.delete(key);
    try {
      this.#document.write({ ...next, ...this.#stillDamaged(unusable) });
    } catch (error) {
      throw classifyStoreFailure(error, this.#document.path) ?? error;
    }
    this.#settings = next;
    this.#unusable = unusable;
    const changed = [...new Set([...checked.changed, ...setAgain])];
    for (const listener of [...this.#listeners]) listener(next, changed);
    return { ok: true, settings: next, changed };
  }

  /** The raw values of unusable fields the file holds, so a save never loses them. */
  #stillDamaged(unusable: ReadonlyMap<SettingsKey, unknown>): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of unusable) if (value !== NOT_IN_FILE) raw[key] = value;
    return raw;
  }

  /**
   * Takes the file as it is now as the base of a change. A file that cannot be read now keeps
   * what this process knew; it is repaired at the next start.
   */
  #reread(): void {
    let raw: unknown;
    try {
      raw = this.#document.read();
    } catch {
      return;
    }
    const stored = readStoredSettings(raw, this.#policy);
    if (!stored.ok || !isPlainObject(raw)) return;
    const unusable = new Map<SettingsKey, unknown>();
    for (const key of stored.resetFields) unusable.set(key, raw[key]);
    for (const [key, value] of this.#unusable) {
      if (value === NOT_IN_FILE && !Object.hasOwn(raw, key)) unusable.set(key, NOT_IN_FILE);
    }
    this.#settings = stored.settings;
    this.#unusable = unusable;
  }

  /** The port's entry point: the same check as `apply`, answered in the port's shape. */
  update(patch: unknown): SettingsUpdate {
    const result = this.apply(patch);
    if (result.ok) return { ok: true, settings: result.settings };
    return { ok: false, field: result.field, message: result.message };
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

export interface OpenedSettings {
  readonly store: DocumentSettingsStore;
  /** Set when the file could not be read at all and was moved aside; the store started fresh. */
  readonly recovery: StoreRecovery | null;
  /** Every stored field that was not used, for the log. */
  readonly notes: readonly SettingsLoadNote[];
  /** What to tell the user (both languages): a moved-aside file, or fields that cannot be used. */
  readonly messages: readonly LocalizedMessage[];
}

export interface OpenSettingsOptions {
  readonly document: JsonDocument;
  /** A recovery that already happened while the document was opened, passed through. */
  readonly recovery?: StoreRecovery | null;
  readonly clock?: Clock;
  /** The folder's writer lock; none for settings no other process can reach. */
  readonly lock?: WriterLock;
  /** Reading only: a file that is not an object of settings is reported, not moved aside. */
  readonly readOnly?: boolean;
  /**
   * Where the base URL may point (`checkBaseUrl`), for patches and the stored file alike. A stored
   * address the policy refuses is unusable like any other bad field: syncs stop until it is set
   * again, rather than quietly sending the token to the default server or to that address.
   */
  readonly policy?: BaseUrlPolicy;
}

/**
 * Opens the settings: defaults merged with what the file holds, field by field. A file whose top
 * level is not an object of settings is moved aside (never silently replaced) and reported.
 */
export function openSettingsStore(options: OpenSettingsOptions): OpenedSettings {
  const { document } = options;
  const clock = options.clock ?? systemClock;
  let recovery = options.recovery ?? null;
  const raw = document.read();
  const stored = readStoredSettings(raw, options.policy);
  const messages: LocalizedMessage[] = [];
  if (!stored.ok) {
    const unusable = { store: 'settings', reason: stored.reason } as const;
    const how = { clock, readOnly: options.readOnly };
    recovery = setAsideUnusable(document, unusable, how, messages) ?? recovery;
  }
  const settings = stored.ok ? stored.settings : DEFAULT_SETTINGS;
  const notes = stored.ok ? stored.notes : [];
  const unusable = new Map<SettingsKey, unknown>();
  if (stored.ok && isPlainObject(raw)) {
    for (const key of stored.resetFields) unusable.set(key, raw[key]);
  }
  if (recovery) messages.push({ key: 'settings.recovered', params: { path: recovery.movedTo } });
  if (unusable.size > 0) {
    messages.push({
      key: 'settings.stored.unusable',
      params: { fields: [...unusable.keys()].join(', ') },
    });
  }
  return {
    store: new DocumentSettingsStore(document, settings, {
      lock: options.lock,
      unusable,
      ...(options.policy === undefined ? {} : { policy: options.policy }),
    }),
    recovery,
    notes,
    messages,
  };
}
