/**
 * The app without Electron, for a real browser: the simulator, the real services on a temporary
 * data folder (demo mode: the simulator's address and a token in memory), the real IPC handlers
 * and state hub, and one HTTP server on 127.0.0.1 that serves the built renderer with the app's
 * CSP (`createAppRequestHandler`, exactly what `app://` answers), takes calls at
 * `POST /__ipc/<channel>` through `handleCall` (sender check, argument parsers, envelope) and
 * streams main's events at `/__events` as server-sent events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NoticeScreen } from '../../../common/ipc/contract.ts';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import { createAppRequestHandler } from '../../../main/desktop/window/app-protocol.ts';
import type { AppStateHub } from '../../../main/desktop/services/app-state-hub.ts';
import { createIpcHandlers } from '../../../main/desktop/ipc/ipc-handlers.ts';
import { forwardRendererEvents } from '../../../main/desktop/ipc/renderer-events.ts';
import type { ConfirmRequest } from '../../../main/core/ports/confirm.ts';
import { createSecretsInUse } from '../../../main/desktop/lifecycle/secrets-in-use.ts';
import { openServices, type AppServices } from '../../../main/desktop/services/services.ts';
import { handleCall, type InvokeEventLike } from '../../../main/desktop/ipc/handle-call.ts';
import type { Handler } from '../../../main/desktop/ipc/handle-call.ts';
import { sendEvent, type EventTargetLike } from '../../../main/desktop/ipc/send-event.ts';
import type { Logger } from '../../../main/desktop/logging/logging.ts';
import { startSimulator, type Simulator } from '../../simulator/index.ts';
import {
  gateOverMemory,
  hubOverServices,
  type MemoryClipboard,
} from '../../support/headless-main.ts';

export interface E2eAppOptions {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** Tokens the simulator knows, with their state (`'valid'` or a failure title). */
  readonly simulatorTokens: Readonly<Record<string, string>>;
  /** The token the memory vault holds at start; null: none, as on a first run. */
  readonly initialToken: string | null;
  readonly contacts?: number;
  /** Fills the data folder before the services open it (a large mirror, say). */
  readonly prepareDataDir?: (dir: string) => void | Promise<void>;
}

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly line: string;
}

export interface E2eApp {
  /** The page's address: `http://127.0.0.1:<port>/index.html`. */
  readonly url: string;
  readonly origin: string;
  readonly simulator: Simulator;
  readonly services: AppServices;
  readonly hub: AppStateHub;
  /** Everything main logged (the handlers, the services, refused calls). */
  readonly log: readonly LogLine[];
  /** How many pages hold the event stream open right now. */
  eventClients(): number;
  readonly dataDir: string;
  /**
   * Where the next "Export CSV" saves, as if the user chose it in the save dialog; null (the
   * default) cancels the dialog.
   */
  nextSavePath: string | null;
  /** The system clipboard's text, as main reads and writes it. */
  clipboard: string;
  /**
   * The user waiting `ms` before the next click: moves the clock main's manual-sync cooldown reads
   * (a browser page cannot wait out 10 s of real time in a quick test).
   */
  passTime(ms: number): void;
  /**
   * What the user answers to main's native questions (`Confirm`), as if they clicked it: true (the
   * default) chooses the action, false cancels.
   */
  confirmAnswer: boolean;
  /** Every question main asked, in order. */
  readonly confirmations: readonly ConfirmRequest[];
  /** Sends `ui.navigate`, as a clicked notification does. */
  navigate(screen: NoticeScreen): void;
  close(): Promise<void>;
}

const MAX_CALL_BYTES = 1024 * 1024;
const IPC_PREFIX = '/__ipc/';
const EVENTS_PATH = '/__events';

export async function startE2eApp(options: E2eAppOptions): Promise<E2eApp> {
  const lines: LogLine[] = [];
  const log: Logger = {
    info: (line) => lines.push({ level: 'info', line }),
    warn: (line) => lines.push({ level: 'warn', line }),
    error: (line) => lines.push({ level: 'error', line }),
  };
  const cleanup: (() => Promise<void> | void)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) await step();
  };
  try {
    const simulator = await startSimulator({
      tokens: { ...options.simulatorTokens },
      contacts: options.contacts ?? 100,
    });
    cleanup.push(() => simulator.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'amoot-e2e-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    await options.prepareDataDir?.(dataDir);
    let nextSavePath: string | null = null;
    let confirmAnswer = true;
    const confirmations: ConfirmRequest[] = [];
    /** The system clipboard as the app would see it. */
    const clipboard: MemoryClipboard = { text: '' };
    let skewMs = 0;

    const services = await openServices({
      dataDir,
      fetch: (url, init) => fetch(url, init),
      platform: process.platform,
      appVersion: '0.0.0-e2e',
      // Demo mode starts the memory vault with a token; a first run then has it removed.
      demo: { baseUrl: simulator.baseUrl, token: options.initialToken ?? 'e2e-removed-at-start' },
      allowLoopbackHttp: true,
      isOnline: () => true,
      secrets: createSecretsInUse(),
      log,
    });
    cleanup.push(() => services.close());
    if (options.initialToken === null) await services.tokens.clear();
    const hub = await hubOverServices(services, (error) => log.error(String(error)));
    cleanup.push(() => hub.dispose());
    const handlers = createIpcHandlers({
      services,
      hub,
      exportDeps: {
        // No save dialog in a browser: the test says what the user would choose.
        showSaveDialog: () =>
          Promise.resolve(
            nextSavePath === null
              ? { canceled: true }
              : { canceled: false, filePath: nextSavePath },
          ),
        writeCsv: services.writeCsv,
        folder: () => dataDir,
        language: () => 'en',
        now: Date.now,
        log,
      },
      openPath: () => Promise.resolve('the e2e harness has no file manager'),
      logsFolder: () => join(dataDir, 'logs'),
      // Main cannot see the browser's clicks, so the page gets no clipboard text here.
      clipboard: gateOverMemory(clipboard, (line) => log.info(line)),
      clock: {
        nowMs: () => Date.now() + skewMs,
        monotonicMs: () => performance.now() + skewMs,
      },
      confirm: (request) => {
        confirmations.push(request);
        return Promise.resolve(confirmAnswer);
      },
      log,
    });

    const streams = new Set<ServerResponse>();
    const target: EventTargetLike = {
      isDestroyed: () => false,
      send(channel, payload) {
        const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
        for (const stream of streams) stream.write(frame);
      },
    };
    const stopEvents = forwardRendererEvents({
      target: () => target,
      state: hub,
      progress: services.progress,
      runFinished: services.runFinished,
      log: (line) => log.warn(line),
    });
    cleanup.push(stopEvents);

    let origin = '';
    const serveFile = createAppRequestHandler(options.rendererDir, log);
    const server = createServer((req, res) => {
      route(req, res).catch((error: unknown) => {
        log.error(`e2e server: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const { pathname } = new URL(req.url ?? '/', origin);
      if (pathname.startsWith(IPC_PREFIX)) {
        const channel = decodeURIComponent(pathname.slice(IPC_PREFIX.length));
        return answerCall(req, res, channel);
      }
      if (pathname === EVENTS_PATH) return openStream(req, res);
      const answer = await serveFile({ url: `app://bundle${pathname}`, method: req.method ?? '' });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    };

    const answerCall = async (
      req: IncomingMessage,
      res: ServerResponse,
      channel: string,
    ): Promise<void> => {
      if (req.method !== 'POST' || !isInvokeChannel(channel)) {
        res.writeHead(404).end();
        return;
      }
      const body = await readBody(req);
      let args: unknown;
      try {
        args = JSON.parse(body);
      } catch {
        args = null;
      }
      if (!Array.isArray(args)) {
        res.writeHead(400).end();
        return;
      }
      // The page stands in for the window: trusted when the browser says the call came from it.
      const event: InvokeEventLike = {
        sender: req.headers.origin ?? null,
        senderFrame: { url: req.headers.referer ?? '', parent: null },
      };
      const response = await handleCall(channel, handlers[channel] as Handler<typeof channel>, {
        event,
        args,
        isTrustedSender: (call) => call.sender === origin,
        log: (line) => log.warn(line),
      });
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(response));
    };

    const openStream = (req: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
    };

    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          for (const stream of streams) stream.end();
          server.close(() => resolve());
          server.closeAllConnections();
          for (const socket of sockets) socket.destroy();
        }),
    );
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    origin = `http://127.0.0.1:${port}`;

    let closing: Promise<void> | null = null;
    return {
      url: `${origin}/index.html`,
      origin,
      simulator,
      services,
      hub,
      log: lines,
      dataDir,
      get clipboard() {
        return clipboard.text;
      },
      set clipboard(text: string) {
        clipboard.text = text;
      },
      passTime: (ms) => {
        skewMs += ms;
      },
      get confirmAnswer() {
        return confirmAnswer;
      },
      set confirmAnswer(answer: boolean) {
        confirmAnswer = answer;
      },
      confirmations,
      get nextSavePath() {
        return nextSavePath;
      },
      set nextSavePath(path: string | null) {
        nextSavePath = path;
      },
      eventClients: () => streams.size,
      navigate: (screen) => void sendEvent(target, 'ui.navigate', { screen }),
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function isInvokeChannel(name: string): name is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(name);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CALL_BYTES) throw new Error('a call larger than 1 MB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
