/**
 * The app's main side without Electron, for the hostile-window test: real services (demo mode: the
 * token in memory, the simulator as the user's server) on a data folder inside a temporary home,
 * the real IPC handlers, and stand-ins that record what main did: every request `fetch` was asked
 * to make, every question `Confirm` was asked (always answered no), every manual run. The window
 * has the focus but no click or key press ever reaches it, and the save dialog answers the path
 * the test chose, whatever the page asked for.
 */
import { join } from 'node:path';
import { createIpcHandlers } from '../../../main/desktop/ipc/ipc-handlers.ts';
import { createSecretsInUse } from '../../../main/desktop/lifecycle/secrets-in-use.ts';
import { openServices, type AppServices } from '../../../main/desktop/services/services.ts';
import { systemClock } from '../../../main/core/ports/clock.ts';
import type { ConfirmRequest } from '../../../main/core/ports/confirm.ts';
import type { IpcHandlers } from '../../../main/desktop/ipc/ipc-main.ts';
import type { Logger } from '../../../main/desktop/logging/logging.ts';
import { gateOverMemory, hubOverServices, type MemoryClipboard } from '../headless-main.ts';

export interface HostileAppOptions {
  readonly dataDir: string;
  /** Where the save dialog's "Documents" is. */
  readonly documents: string;
  /** What the user picks in the save dialog. */
  readonly exportPath: string;
  /** The simulator's base URL and the user's token there. */
  readonly baseUrl: string;
  readonly token: string;
  /** What the system clipboard holds at the start. */
  readonly clipboardText: string;
}

export interface FetchRecord {
  readonly url: string;
  /** Method, URL, headers and body, as one string. */
  readonly request: string;
}

export interface HostileApp {
  readonly services: AppServices;
  readonly handlers: IpcHandlers;
  readonly fetches: readonly FetchRecord[];
  readonly questions: readonly ConfirmRequest[];
  /** When each manual run started (epoch ms). */
  readonly manualRuns: readonly number[];
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function describeRequest(...[input, init]: Parameters<typeof fetch>): Promise<string> {
  const request = new Request(input, init);
  const headers = [...request.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${request.method} ${request.url}\n${headers}\n\n${await request.clone().text()}`;
}

export async function startHostileApp(options: HostileAppOptions): Promise<HostileApp> {
  const fetches: FetchRecord[] = [];
  const questions: ConfirmRequest[] = [];
  const manualRuns: number[] = [];
  const clipboard: MemoryClipboard = { text: options.clipboardText };

  // To 127.0.0.1 for real (simulator, attacker); anything else (the official host, look-alikes)
  // is recorded and fails as an unreachable host would, so nothing leaves the machine.
  const guardedFetch: typeof fetch = async (input, init) => {
    const url = new Request(input, init).url;
    fetches.push({ url, request: await describeRequest(input, init) });
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new TypeError('fetch failed');
    return fetch(input, init);
  };

  const services = await openServices({
    dataDir: options.dataDir,
    fetch: guardedFetch,
    platform: process.platform,
    appVersion: '0.0.0-hostile',
    demo: { baseUrl: options.baseUrl, token: options.token },
    // As in a copy run from the sources or the demo: plain http to loopback is possible, so the
    // attacker's http://127.0.0.1 server is the worst case main must still ask about.
    allowLoopbackHttp: true,
    isOnline: () => true,
    secrets: createSecretsInUse(),
    log: quiet,
  });
  services.runFinished.subscribe((run) => {
    if (run.trigger === 'manual') manualRuns.push(run.startedAtMs);
  });
  const hub = await hubOverServices(services, () => undefined);
  const handlers = createIpcHandlers({
    services,
    hub,
    exportDeps: {
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: options.exportPath }),
      writeCsv: services.writeCsv,
      folder: () => options.documents,
      language: () => 'en',
      now: Date.now,
      log: quiet,
    },
    openPath: () => Promise.resolve(''),
    logsFolder: () => join(options.dataDir, 'logs'),
    clipboard: gateOverMemory(clipboard, () => undefined),
    clock: systemClock,
    confirm: (request) => {
      questions.push(request);
      return Promise.resolve(false);
    },
    log: quiet,
  });
  return { services, handlers, fetches, questions, manualRuns };
}
