import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Settings } from '../../../common/settings.ts';

export type SettingsUpdate =
  | { ok: true; settings: Settings }
  | { ok: false; field: keyof Settings | null; message: LocalizedMessage };

/**
 * The user's settings. `update` checks the whole patch first and writes nothing when any field is
 * refused, so bad input never costs what was already stored.
 */
export interface SettingsStore {
  get(): Settings;
  /** Takes `unknown`: a patch can come from the untrusted renderer; `field` is null when the patch as a whole is wrong. */
  update(patch: unknown): SettingsUpdate;
  /** Called after every successful update with the keys that changed. */
  onChange(
    listener: (settings: Settings, changed: ReadonlyArray<keyof Settings>) => void,
  ): () => void;
}
