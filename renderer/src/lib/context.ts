/**
 * What every component takes from its ancestors: the bridge to main, the language and the status.
 * App sets them from `lib/api.ts`; a test sets them from a fake, so no component reads `window`.
 */
import { getContext, setContext } from 'svelte';
import type { AmootBridge } from '../../../common/ipc/bridge.ts';
import type { AppStateModel } from './app-state-model.svelte.ts';
import type { I18nModel } from './i18n-model.svelte.ts';
import type { SettingsModel } from './settings-model.svelte.ts';

export interface AppContext {
  readonly api: AmootBridge;
  readonly i18n: I18nModel;
  readonly status: AppStateModel;
  readonly settings: SettingsModel;
  /** Ticks once a minute, so relative times ("3 minutes ago") stay true. */
  readonly clock: { readonly nowMs: number };
}

const KEY = Symbol('amoot-app');

export function setAppContext(context: AppContext): void {
  setContext(KEY, context);
}

export function appContext(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (context === undefined) throw new Error('A component was used outside App (no app context)');
  return context;
}
