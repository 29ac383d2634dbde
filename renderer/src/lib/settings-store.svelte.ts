/**
 * The user's settings as main last confirmed them. Changes go to main, which validates them
 * (`settings-feedback.svelte.ts` sends one field and shows main's answer by it); `current` only
 * ever holds what main answered, so a refused change never looks saved.
 */
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import type { Settings } from '../../../common/settings.ts';

export class SettingsStore {
  current = $state<Settings | null>(null);

  readonly #api: AmootApi;

  constructor(api: AmootApi) {
    this.#api = api;
  }

  async load(): Promise<void> {
    this.current = await this.#api.settings.get();
  }
}
