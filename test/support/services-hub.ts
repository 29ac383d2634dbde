/**
 * The state hub over services opened with `openServices`, as the app wires it (start-app.ts),
 * for the tests that drive main's real handlers without Electron: the e2e harness and the handler
 * tests. The token's state is read now, since no keychain prompt can come up in a test.
 */
import { createAppStateHub, type AppStateHub } from '../../main/app/app-state-hub.ts';
import type { AppServices } from '../../main/app/services.ts';

export async function hubOver(
  services: AppServices,
  onError: (error: unknown) => void,
): Promise<AppStateHub> {
  return createAppStateHub({
    scheduler: services.scheduler,
    engineRunning: () => services.engine.isRunning(),
    history: services.history,
    tokens: services.tokens,
    progress: services.progress,
    runFinished: services.runFinished,
    recoveries: services.recoveries,
    initialToken: await services.tokens.status(),
    initialOnline: true,
    onError,
  });
}
