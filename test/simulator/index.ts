/**
 * A local AmootSMS `ContactListUpdates` server for tests and demos: real HTTP on 127.0.0.1, the
 * documented statuses, a seeded data set, and the faults a client meets behind office networks.
 * It imports nothing from the app, so it stays an independent oracle of the real server.
 */
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ContactData } from './contact-data.ts';
import { handleControl } from './control-api.ts';
import type { ControlTarget } from './control-api.ts';
import { parseFault, parseTimes } from './fault-parse.ts';
import { respond } from './fault-responder.ts';
import { BodyTooLargeError, HTML_TYPE, readBody, sendText } from './http-util.ts';
import { decideStatus } from './request-checks.ts';
import type { Fault, RecordedRequest, Simulator, SimulatorOptions, TokenState } from './types.ts';

export type {
  Fault,
  RecordedRequest,
  SimRecord,
  Simulator,
  SimulatorOptions,
  TokenState,
  WrongTypesVariant,
} from './types.ts';

/** The vendor's path; matched without regard to case, as IIS does. */
const API_PATH = '/rest/ContactListUpdates';
const CONTROL_PREFIX = '/_control/';

function plainPage(status: number): string {
  return `<html><body><h1>${status} ${STATUS_CODES[status] ?? ''}</h1></body></html>\n`;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const data = new ContactData({
    contacts: options.contacts ?? 100,
    seed: options.seed ?? 1,
    bigIds: options.bigIds ?? false,
    now,
  });
  const tokens = new Map<string, TokenState>(Object.entries(options.tokens ?? { demo: 'valid' }));
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  let fault: Fault | null = null;
  let faultTimesLeft: number | undefined;

  /** The fault for this request; a counted fault clears itself after its last use. */
  const takeFault = (): Fault | null => {
    const current = fault;
    if (current !== null && faultTimesLeft !== undefined && --faultTimesLeft <= 0) {
      fault = null;
      faultTimesLeft = undefined;
    }
    return current;
  };

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> => {
    const body = await readBody(req);
    const method = req.method ?? '';
    requests.push({ method, path, headers: { ...req.headers }, body, at: now() });
    if (method !== 'POST') {
      options.log?.(`${method} ${path} -> 405`);
      return sendText(res, 405, HTML_TYPE, plainPage(405), { Allow: 'POST' });
    }
    const status = decideStatus(
      { authorization: req.headers.authorization, contentType: req.headers['content-type'], body },
      tokens,
    );
    const applied = takeFault();
    options.log?.(
      `POST ${path} -> ${status}${applied === null ? '' : ` (fault: ${JSON.stringify(applied)})`}`,
    );
    await respond({ req, res, signal: closing.signal }, status, data, applied);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/';
    const { pathname } = new URL(path, 'http://127.0.0.1');
    if (pathname.startsWith(CONTROL_PREFIX))
      return handleControl(req, res, pathname.slice(CONTROL_PREFIX.length), target);
    if (pathname.toLowerCase() === API_PATH.toLowerCase()) return handleApi(req, res, path);
    return sendText(res, 404, HTML_TYPE, plainPage(404));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      sendText(
        res,
        status,
        'text/plain; charset=utf-8',
        `${error instanceof Error ? error.message : String(error)}\n`,
      );
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}/rest`;
  let closed: Promise<void> | undefined;

  const target: ControlTarget = {
    baseUrl,
    port,
    requests,
    setToken(token, state) {
      if (token === '')
        throw new RangeError('a token cannot be empty (an empty Authorization is Token_Invalid)');
      tokens.set(token, state);
    },
    removeToken(token) {
      tokens.delete(token);
    },
    setFault(next, setOptions) {
      fault = parseFault(next);
      faultTimesLeft = fault === null ? undefined : parseTimes(setOptions?.times);
    },
    records: () => data.records(),
    update: (count) => data.update(count),
    updateIds: (ids) => data.updateIds(ids),
    add: (count) => data.add(count),
    markDeleted: (ids) => data.markDeleted(ids),
    restore: (ids) => data.restore(ids),
    remove: (ids) => data.remove(ids),
    state: () => ({
      baseUrl,
      apiUrl: `${baseUrl}/ContactListUpdates`,
      contacts: data.store.liveCount,
      tokens: Object.fromEntries(tokens),
      fault,
      faultTimesLeft: faultTimesLeft ?? null,
      requests: requests.length,
    }),
    clearRequests() {
      requests.length = 0;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
  return target;
}
