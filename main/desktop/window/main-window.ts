/**
 * The app's one window over its life: created when asked for, brought to the front when it
 * exists, forgotten when closed (close-to-tray really closes it, freeing its renderer), and
 * followed by close-to-tray so a close by the user is told apart from a quit.
 */
import type { BrowserWindow, InputEvent, WebContents } from 'electron';
import type { Logger } from '../logging/logging.ts';
import { createMainWindow, revealWindow, type MainWindowSources } from './window.ts';

export interface MainWindowDeps {
  readonly sources: MainWindowSources;
  /** Where links the page tries to follow go (`openExternalSafely`). */
  readonly openLink: (url: string) => void;
  /** Every window created, e.g. for close-to-tray to follow. */
  readonly onCreated: (window: BrowserWindow) => void;
  /** Where the window reports what it refused (a download the page started). */
  readonly log?: Pick<Logger, 'warn'>;
  /** The page could not be loaded: a broken install, or no dev server. */
  readonly onLoadFailed: (error: unknown) => void;
}

export interface MainWindowHost {
  /**
   * Shows the window, creating it if it is closed; resolves with its webContents once the page is
   * loaded (at once for a window already open), or null when it could not be loaded.
   */
  open(): Promise<WebContents | null>;
  /** The open window's webContents, or null: where events go and whose calls are trusted. */
  contents(): WebContents | null;
  window(): BrowserWindow | null;
  /**
   * Hears every input event the OS delivers to the window (Electron's `input-event`: only real
   * input raises it, a page cannot), e.g. for the clipboard's gesture check. Returns the unsubscribe.
   */
  onInput(listener: (input: InputEvent) => void): () => void;
}

export function setupMainWindow(deps: MainWindowDeps): MainWindowHost {
  let current: BrowserWindow | null = null;
  const inputListeners = new Set<(input: InputEvent) => void>();
  return {
    open() {
      if (current !== null) {
        revealWindow(current);
        return Promise.resolve(current.webContents);
      }
      const { window, loaded } = createMainWindow(deps.sources, {
        openLink: deps.openLink,
        log: deps.log,
      });
      current = window;
      window.webContents.on('input-event', (_event, input) => {
        for (const listener of inputListeners) listener(input);
      });
      window.on('closed', () => {
        if (current === window) current = null;
      });
      deps.onCreated(window);
      return loaded.then(
        () => window.webContents,
        (error: unknown) => {
          deps.onLoadFailed(error);
          return null;
        },
      );
    },
    contents: () => current?.webContents ?? null,
    window: () => current,
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
  };
}
