/**
 * The user's settings as main last confirmed them. Changes go to main, which validates them
 * (`setting-feedback-model.svelte.ts` sends one field and shows main's answer by it); `current`
 * only ever holds what main answered, so a refused change never looks saved.
 */
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import type { SettingsSetResult } from '../../../common/ipc/contract.ts';
import type { Settings } from '../../../common/settings.ts';

export class SettingsModel {
  #current = $state<Settings | null>(null);

  readonly #api: AmootApi;

  constructor(api: AmootApi) {
    this.#api = api;
  }

  /** Null until main first answered. */
  get current(): Settings | null {
    return this.#current;
  }

  async load(): Promise<void> {
    this.#current = await this.#api.settings.get();
  }

  /** Sends a change; what main saved becomes `current`, a refusal or a "no" leaves it as it was. */
  async save(patch: Partial<Settings>): Promise<SettingsSetResult> {
    const result = await this.#api.settings.set(patch);
    if (result.ok) this.#current = result.settings;
    return result;
  }
}
