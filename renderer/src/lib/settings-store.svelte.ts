/**
 * The user's settings as main last confirmed them. Changes go to main, which validates them; the
 * window shows what main answered, so a refused change never looks saved.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import type { Settings } from '../../../common/settings.ts';

export class SettingsStore {
  current = $state<Settings | null>(null);
  /** Why main refused the last change; null when it was saved. */
  refusal = $state<LocalizedMessage | null>(null);

  readonly #api: AmootApi;

  constructor(api: AmootApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    this.current = await this.#api.settings.get();
  }

  async update(patch: Partial<Settings>): Promise<void> {
    const result = await this.#api.settings.set(patch);
    if (result.ok) {
      this.current = result.settings;
      this.refusal = null;
    } else {
      this.refusal = result.message;
    }
  }
}
