/**
 * One settings control's conversation with main: the change is sent on its own, and main's answer
 * is kept for the feedback shown next to that control — its refusal, or a brief "Saved" — so a
 * refused change never looks saved and an error never appears beside the wrong field.
 */
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Settings } from '../../../common/settings.ts';
import type { SettingsModel } from './settings-model.svelte.ts';

/** Long enough to be noticed, short enough that an old "Saved" never sits beside a new edit. */
export const SAVED_SHOWN_MS = 3000;

export class SettingFeedbackModel {
  #error = $state<LocalizedMessage | null>(null);
  #saved = $state(false);

  readonly #settings: SettingsModel;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(settings: SettingsModel) {
    this.#settings = settings;
  }

  /** Why the last change was refused (by the window's own check or by main); null otherwise. */
  get error(): LocalizedMessage | null {
    return this.#error;
  }

  /** True for a moment after main confirmed a change. */
  get saved(): boolean {
    return this.#saved;
  }

  /** A refusal found before sending: nothing goes to main. */
  refuse(message: LocalizedMessage): void {
    this.#stopFlash();
    this.#error = message;
  }

  clear(): void {
    this.#error = null;
  }

  /**
   * Sends the patch; true when main saved it, which also refreshes the settings every view reads.
   * False when main refused it (the reason is kept in `error`) or the user answered no to main's
   * question (a new server, a shorter change log, start at sign-in): nothing is shown then.
   */
  async save(patch: Partial<Settings>): Promise<boolean> {
    this.#stopFlash();
    this.#error = null;
    try {
      const result = await this.#settings.save(patch);
      // A "no" in main's own dialog is no error: the control shows the saved value again.
      if (!result.ok) {
        if (!('cancelled' in result)) this.#error = result.message;
        return false;
      }
      this.#saved = true;
      this.#timer = setTimeout(() => (this.#saved = false), SAVED_SHOWN_MS);
      return true;
    } catch {
      this.#error = { key: 'ui.settings.save-failed' };
      return false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #stopFlash(): void {
    clearTimeout(this.#timer);
    this.#saved = false;
  }
}
