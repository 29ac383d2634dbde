/**
 * Helpers for the settings and first-run tests: the whole App mounted on the fake bridge, the way
 * to the settings screen, typing as a user types, and typed views of DOM nodes (the root tsconfig
 * type-checks tests without the DOM library, so nodes are read through these small shapes).
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { TokenStatus } from '../../../common/ipc/view-types.ts';
import { appState, fakeApi, type FakeApi, type FakeApiOptions } from './fake-api.ts';

/** Scanned for by the suite's teardown like every test token: it must never reach a file. */
export const SETTINGS_TEST_TOKEN = 'settings-test-token-7d1e9b40';

export interface Control {
  readonly disabled: boolean;
  readonly type: string;
  readonly value: string;
  readonly checked: boolean;
  readonly open: boolean;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

interface PageDocument {
  readonly activeElement: unknown;
  readonly documentElement: { readonly dir: string; readonly outerHTML: string };
  getElementById(id: string): Control | null;
}

export const control = (element: unknown): Control => element as Control;
export const page = (): PageDocument =>
  (globalThis as unknown as { document: PageDocument }).document;
export const activeElement = (): unknown => page().activeElement;

/** The texts of the elements an input names in `aria-describedby`: what a screen reader reads. */
export function descriptionOf(element: unknown): string {
  const ids = control(element).getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => page().getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** A fresh install: no token stored, nothing synced yet. */
export function noTokenState(token: Partial<TokenStatus> = {}): AppState {
  return appState({
    lastRun: null,
    nextRunAtMs: null,
    token: { present: false, backend: 'keychain', persistent: true, ...token },
  });
}

/** Mounts the App in English unless the options say otherwise. */
export function mountApp(options: FakeApiOptions = {}): FakeApi {
  const fake = fakeApi({ ...options, settings: { language: 'en', ...options.settings } });
  render(App, { props: { api: fake.api } });
  return fake;
}

/** Mounts the App and opens the settings screen from the navigation, as a user does. */
export async function openSettings(options: FakeApiOptions = {}): Promise<FakeApi> {
  const fake = mountApp(options);
  const persian = options.settings?.language === 'fa';
  const name = persian ? 'تنظیمات' : 'Settings';
  await fireEvent.click(await screen.findByRole('button', { name }));
  await screen.findByRole('heading', { name, level: 2 });
  // The fields appear once the settings have arrived from main.
  await screen.findByTestId('settings-sync');
  return fake;
}

/** Types a whole value, then leaves the field: input events first, then change, as in a browser. */
export async function typeAndLeave(field: unknown, value: string): Promise<void> {
  await fireEvent.input(field as never, { target: { value } });
  await fireEvent.change(field as never, { target: { value } });
}

/** A promise settled from outside, to hold a call open while the test looks at the page. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
