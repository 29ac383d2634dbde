import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import {
  checkSettingsPatch,
  type SettingsKey,
  type SettingsPatchCheck,
} from '../../../common/settings-check.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { SettingsStore, SettingsUpdate } from '../ports/settings-store.ts';
import type { StoreRecovery } from '../ports/store-recovery.ts';
import type { JsonDocument } from './json-document.ts';
import { readStoredSettings, type SettingsLoadNote } from './read-stored-settings.ts';

type Listener = (settings: Settings, changed: ReadonlyArray<SettingsKey>) => void;

/**
 * The settings kept in one JSON document. The current settings live in memory; the document is
 * written only after a patch has passed every check, so a refused change leaves the file's bytes
 * untouched, and a failed write (disk full) leaves memory as it was and throws.
 */
export class DocumentSettingsStore implements SettingsStore {
  readonly #document: JsonDocument;
  #settings: Settings;
  readonly #listeners = new Set<Listener>();

  constructor(document: JsonDocument, initial: Settings) {
    this.#document = document;
    this.#settings = Object.freeze({ ...initial });
  }

  get(): Settings {
    return this.#settings;
  }

  /**
   * Checks and applies a patch from anywhere, the renderer included, and says which keys changed.
   * This is what IPC should call: unlike `update` it can answer "not an object" or "unknown key"
   * (field `null`) instead of throwing.
   */
  apply(patch: unknown): SettingsPatchCheck {
    const checked = checkSettingsPatch(this.#settings, patch);
    if (!checked.ok || checked.changed.length === 0) return checked;
    const next = Object.freeze({ ...checked.settings });
    this.#document.write(next);
    this.#settings = next;
    for (const listener of [...this.#listeners]) listener(next, checked.changed);
    return { ok: true, settings: next, changed: checked.changed };
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
  /** What to tell the user (both languages): a moved-aside file, or fields set back to defaults. */
  readonly messages: readonly LocalizedMessage[];
}

export interface OpenSettingsOptions {
  readonly document: JsonDocument;
  /** A recovery that already happened while the document was opened, passed through. */
  readonly recovery?: StoreRecovery | null;
  readonly clock?: Clock;
}

/**
 * Opens the settings: defaults merged with what the file holds, field by field. A file whose top
 * level is not an object of settings is moved aside (never silently replaced) and reported.
 */
export function openSettingsStore(options: OpenSettingsOptions): OpenedSettings {
  const { document } = options;
  const clock = options.clock ?? systemClock;
  let recovery = options.recovery ?? null;
  const stored = readStoredSettings(document.read());
  if (!stored.ok) {
    const atMs = clock.nowMs();
    const movedTo = document.moveAside(atMs);
    recovery = { store: 'settings', movedTo, reason: stored.reason, atMs };
  }
  const settings = stored.ok ? stored.settings : DEFAULT_SETTINGS;
  const notes = stored.ok ? stored.notes : [];
  const resetCount = stored.ok ? stored.resetFields.length : 0;
  const messages: LocalizedMessage[] = [];
  if (recovery) messages.push({ key: 'settings.recovered', params: { path: recovery.movedTo } });
  if (resetCount > 0) {
    messages.push({ key: 'settings.stored.fields-reset', params: { count: resetCount } });
  }
  return {
    store: new DocumentSettingsStore(document, settings),
    recovery,
    notes,
    messages,
  };
}
