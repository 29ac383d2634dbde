/**
 * What a settings change does outside the sync (the scheduler hears of changes in `services.ts`):
 * the login item follows "start at login" and "start hidden", the tray and the menu bar follow
 * the language, the page's light or dark look follows the theme. Each is applied once at start-up
 * and again whenever its setting changes.
 */
import { bilingual } from '../../../common/i18n/format-message.ts';
import type { Settings, ThemeSetting } from '../../../common/settings.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';
import type { LoginItemPreferences, LoginItemResult } from '../lifecycle/login-item.ts';
import type { Logger } from '../logging/logging.ts';
import { describeError } from '../../core/describe-error.ts';

export interface SettingsEffectsDeps {
  readonly settings: Pick<SettingsStore, 'get' | 'onChange'>;
  /** `applyLoginItem(app, platform, …)`. */
  readonly applyLoginItem: (preferences: LoginItemPreferences) => LoginItemResult;
  /** Re-renders what is written in the user's language: the tray and the app menu. */
  readonly relabel: () => void;
  /** `nativeTheme.themeSource = theme`: the page's `prefers-color-scheme` follows it. */
  readonly applyTheme: (theme: ThemeSetting) => void;
  readonly log: Logger;
}

const LOGIN_KEYS: ReadonlySet<keyof Settings> = new Set(['startAtLogin', 'startHidden']);

/** Applies the settings now and follows their changes; returns the function that stops. */
export function setupSettingsEffects(deps: SettingsEffectsDeps): () => void {
  const { log } = deps;
  const guarded = (what: string, apply: () => void): void => {
    try {
      apply();
    } catch (error) {
      log.error(`could not apply ${what}: ${describeError(error)}`);
    }
  };
  const loginItem = (settings: Settings): void =>
    guarded('the login item', () => {
      const result = deps.applyLoginItem({
        startAtLogin: settings.startAtLogin,
        startHidden: settings.startHidden,
      });
      if (!result.applied) {
        log.info(`login item left alone (${result.reason})`);
        return;
      }
      log.info(`login item: ${result.enabled ? 'on' : 'off'}`);
      if (result.requiresApproval) {
        log.warn(bilingual({ key: 'lifecycle.login-item.requires-approval' }).en);
      }
    });
  const theme = (settings: Settings): void =>
    guarded('the theme', () => deps.applyTheme(settings.theme));

  const initial = deps.settings.get();
  loginItem(initial);
  theme(initial);
  return deps.settings.onChange((settings, changed) => {
    if (changed.some((key) => LOGIN_KEYS.has(key))) loginItem(settings);
    if (changed.includes('theme')) theme(settings);
    if (changed.includes('language')) guarded('the language', deps.relabel);
  });
}
