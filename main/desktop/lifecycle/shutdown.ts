/**
 * Quitting for real (the tray's Quit, ⌘Q, the session ending): the sync running is cancelled and
 * its run recorded, the scheduler stopped and the stores closed before the process ends, so the
 * next start finds no run left "running" and a SQLite file closed cleanly. Electron is held at
 * 'will-quit' until then, within a time limit: a hung step must not keep the app from exiting.
 */

/** How long quitting waits for the clean-up before exiting anyway. */
export const SHUTDOWN_LIMIT_MS = 5_000;

/** The part of Electron's `app` this needs. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface Shutdown {
  /**
   * Adds a step. Steps run newest first, like unwinding: what was built on the services stops
   * before the services close. Steps added after quitting began are not run.
   */
  add(step: () => void | Promise<void>): void;
}

export function setupShutdown(
  app: QuittingApp,
  onError: (error: unknown) => void,
  limitMs: number = SHUTDOWN_LIMIT_MS,
): Shutdown {
  const steps: (() => void | Promise<void>)[] = [];
  let state: 'running' | 'cleaning' | 'done' = 'running';

  const cleanUp = async (): Promise<void> => {
    for (const step of steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        onError(error);
      }
    }
  };

  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        onError(new Error(`quitting: the clean-up took longer than ${limitMs} ms`));
        resolve();
      }, limitMs);
    });
    void Promise.race([cleanUp(), limit]).then(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });

  return {
    add(step) {
      if (state === 'running') steps.push(step);
    },
  };
}
