import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Settings } from '../../../common/settings.ts';

export type SettingsUpdate =
  | { ok: true; settings: Settings }
  | { ok: false; field: keyof Settings | null; message: LocalizedMessage };

/** What a patch would change, checked but not applied (`SettingsStore.check`). */
export type SettingsCheck =
  | {
      ok: true;
      /** The settings the patch was checked against (the file as it is now). */
      before: Settings;
      after: Settings;
      changed: readonly (keyof Settings)[];
    }
  | { ok: false; field: keyof Settings | null; message: LocalizedMessage };

/**
 * The user's settings. `update` checks the whole patch first and writes nothing when any field is
 * refused, so bad input never costs what was already stored.
 */
export interface SettingsStore {
  get(): Settings;
  /** Takes `unknown`: a patch can come from the untrusted renderer; `field` is null when the patch as a whole is wrong. */
  update(patch: unknown): SettingsUpdate;
  /**
   * The same checks as `update`, writing nothing: what a caller must ask the user about before it
   * applies the patch (`main/desktop/ipc/guarded-settings.ts`).
   */
  check(patch: unknown): SettingsCheck;
  /** Called after every successful update with the keys that changed. */
  onChange(
    listener: (settings: Settings, changed: ReadonlyArray<keyof Settings>) => void,
  ): () => void;
}
