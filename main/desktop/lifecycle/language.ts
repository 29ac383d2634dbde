/**
 * The language main writes in (tray, notifications, menus, dialogs): the user's choice, or for
 * "system" the system's first preferred language, Persian for any `fa` variant and English
 * otherwise, as the page decides for itself.
 */
import type { Language } from '../../../common/i18n/format-message.ts';
import type { LanguageSetting } from '../../../common/settings.ts';

export function resolveLanguage(
  setting: LanguageSetting,
  systemLanguages: readonly string[],
): Language {
  if (setting !== 'system') return setting;
  const first = systemLanguages[0];
  return first !== undefined && /^fa(?:[-_]|$)/i.test(first) ? 'fa' : 'en';
}

/** The part of Electron's `app` that knows the system's languages. */
export interface SystemLanguages {
  getPreferredSystemLanguages(): string[];
}

/**
 * The language in force at each moment. Before the settings are open (a start-up failure dialog)
 * the system decides; once `follow` is given the settings, they do, read afresh every time so a
 * change applies at once.
 */
export interface LanguageSource {
  current(): Language;
  follow(setting: () => LanguageSetting): void;
}

export function createLanguageSource(app: SystemLanguages): LanguageSource {
  let setting: () => LanguageSetting = () => 'system';
  return {
    current() {
      let preferred: string[] = [];
      try {
        preferred = app.getPreferredSystemLanguages();
      } catch {
        // Not every platform answers before the app is ready; English is the safe default.
      }
      return resolveLanguage(setting(), preferred);
    },
    follow(next) {
      setting = next;
    },
  };
}
