/**
 * Pieces of main's start-up for harnesses that run main's side without Electron (the e2e app
 * server, the hostile-window test): the state hub over real services, and the clipboard gate over
 * a clipboard in memory. A browser's or a test's clicks never reach main there, so the gate never
 * sees a gesture and the page gets no clipboard text, as a page acting on its own would not.
 */
import { createAppStateHub, type AppStateHub } from '../../main/desktop/services/app-state-hub.ts';
import { createClipboardGate, type ClipboardGate } from '../../main/desktop/ipc/clipboard-gate.ts';
import type { AppServices } from '../../main/desktop/services/services.ts';

export async function hubOverServices(
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

/** The system clipboard's text, as main reads and writes it. */
export interface MemoryClipboard {
  text: string;
}

export function gateOverMemory(
  clipboard: MemoryClipboard,
  log: (line: string) => void,
): ClipboardGate {
  return createClipboardGate({
    clipboard: {
      readText: () => clipboard.text,
      writeText: (text) => {
        clipboard.text = text;
      },
      clear: () => {
        clipboard.text = '';
      },
    },
    now: () => performance.now(),
    windowFocused: () => true,
    log,
  });
}
