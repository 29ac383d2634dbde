/**
 * `npm run demo`: the app against the local AmootSMS simulator, for someone without an account.
 * `scripts/demo.ts` starts the simulator and passes its address (`AMOOT_BASE_URL`) and token
 * (`AMOOT_DEMO_TOKEN`). In demo mode the app keeps its data in a folder of its own, so the demo
 * never rewrites the real settings (a base URL pointing at a simulator that is gone tomorrow) or
 * fills the real mirror with made-up contacts, and the token lives in memory only.
 */
import { join } from 'node:path';
import { checkBaseUrl, isLoopbackHost } from '../../../common/validation.ts';
import { createMemorySecretStore } from '../../adapters/secrets/memory-secret-store.ts';
import type { SecretStore } from '../../core/ports/secret-store.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';

export const DEMO_BASE_URL_ENV = 'AMOOT_BASE_URL';
export const DEMO_TOKEN_ENV = 'AMOOT_DEMO_TOKEN';

export interface DemoMode {
  /** The simulator's API address, already in canonical form. */
  readonly baseUrl: string;
  readonly token: string;
}

export type DemoDecision =
  | { readonly kind: 'off' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'on'; readonly demo: DemoMode };

/**
 * Whether this launch is a demo. A packaged app ignores the variables, as it ignores the dev
 * server's: anyone able to set an environment variable must not be able to point the installed
 * app at a server of their choosing. The address must be the loopback simulator, never a real host.
 */
export function readDemoMode(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): DemoDecision {
  const baseUrl = env[DEMO_BASE_URL_ENV]?.trim() ?? '';
  const token = env[DEMO_TOKEN_ENV]?.trim() ?? '';
  if (baseUrl === '' && token === '') return { kind: 'off' };
  if (isPackaged)
    return { kind: 'refused', reason: 'demo variables are ignored in a packaged app' };
  if (baseUrl === '' || token === '') {
    return {
      kind: 'refused',
      reason: `demo needs both ${DEMO_BASE_URL_ENV} and ${DEMO_TOKEN_ENV}`,
    };
  }
  const checked = checkBaseUrl(baseUrl);
  if (!checked.ok || !isLoopbackHost(new URL(checked.value).hostname)) {
    return { kind: 'refused', reason: `${DEMO_BASE_URL_ENV} is not a loopback address` };
  }
  return { kind: 'on', demo: { baseUrl: checked.value, token } };
}

/** The part of Electron's `app` that places the data folder. */
export interface DataFolderApp {
  getPath(name: 'appData' | 'userData'): string;
  setPath(name: 'userData', path: string): void;
  getName(): string;
}

/**
 * Moves the data folder to `<appData>/<name> Demo`. Must run before the app is ready and before
 * the single-instance lock (which lives in the data folder), so a demo can run next to the real app.
 */
export function useDemoDataFolder(app: DataFolderApp): string {
  const folder = join(app.getPath('appData'), `${app.getName()} Demo`);
  app.setPath('userData', folder);
  return folder;
}

/** Points the demo's settings at the simulator, whose port changes at every demo start. */
export function applyDemoSettings(settings: SettingsStore, demo: DemoMode): string | null {
  const result = settings.update({ baseUrl: demo.baseUrl });
  return result.ok ? null : `demo base URL refused: ${result.message.key}`;
}

/** A store for this run only, already holding the simulator's token. */
export async function createDemoSecretStore(demo: DemoMode): Promise<SecretStore> {
  const store = createMemorySecretStore();
  await store.set(demo.token);
  return store;
}
