/**
 * Sends the API answer, bent by the active fault. Transport faults (stalls, HTTP errors, HTML
 * pages) stand in for proxies and captive portals and ignore the token; body faults (BOM, gzip,
 * cuts, wrong shapes) apply to whatever answer the token and group earned.
 */
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import { applyDuplicateIds, applyWrongTypes } from './body-faults.ts';
import { answerPlan, bodyChunks, bodyLength } from './body-plan.ts';
import type { BodyPlan } from './body-plan.ts';
import type { ContactData } from './contact-data.ts';
import { HTML_TYPE, JSON_TYPE, pump, sendText, takeChars } from './http-util.ts';
import type { Fault } from './types.ts';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** Aborted by `close()`, so a latency wait never outlives the simulator. */
  signal: AbortSignal;
}

const CAPTIVE_PORTAL_PAGE = `<!DOCTYPE html>
<html><head><title>Hotspot login</title></head>
<body><h1>Welcome to Office Wi-Fi</h1><p>Please sign in to continue browsing.</p>
<form method="post" action="/login"><input name="user"><input name="pass" type="password"><button>Sign in</button></form>
</body></html>
`;

/** Python-style literals and a trailing comma: JSON to a careless eye, a SyntaxError to a parser. */
const INVALID_JSON =
  '{"Status":"Success","Data":[{"ID":12345678,"UpdateDateTime":"2025-10-20T13:11:03.35","Deleted":False},]}';

function errorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;
}

function* withBom(chunks: Iterable<string>): Generator<string> {
  yield '\uFEFF';
  yield* chunks;
}

/** Streams an answer already rendered to bytes (its length known, as a real server's cached answer). */
async function sendRendered(res: ServerResponse, chunks: readonly Buffer[]): Promise<void> {
  const length = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': String(length) });
  if (await pump(chunks, res)) res.end();
}

/** Streams the plan as a 200 JSON answer, optionally BOM-prefixed or gzip-encoded. */
async function sendPlan(
  res: ServerResponse,
  plan: BodyPlan,
  options: { bom?: boolean; gzip?: boolean } = {},
): Promise<void> {
  const chunks = options.bom === true ? withBom(bodyChunks(plan)) : bodyChunks(plan);
  if (options.gzip !== true) {
    res.writeHead(200, { 'Content-Type': JSON_TYPE });
    if (await pump(chunks, res)) res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'gzip' });
  const gzip = createGzip();
  gzip.pipe(res);
  res.on('close', () => gzip.destroy());
  if (await pump(chunks, gzip)) gzip.end();
}

/**
 * Half of the answer, then the end of the connection. The answer has neither Content-Length nor
 * chunked framing (it is written on the raw socket), so at the HTTP level it is complete: only the
 * JSON is cut, as when a proxy gives up mid-way.
 */
async function sendTruncated(req: IncomingMessage, plan: BodyPlan): Promise<void> {
  const socket = req.socket;
  const half = Math.floor(bodyLength(plan) / 2);
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${JSON_TYPE}\r\nConnection: close\r\n\r\n`);
  if (await pump(takeChars(bodyChunks(plan), half), socket)) socket.end();
}

/** Headers and half the body, then the socket is destroyed: the body read fails mid-way. */
async function sendReset(req: IncomingMessage, res: ServerResponse, plan: BodyPlan): Promise<void> {
  const half = Math.floor(bodyLength(plan) / 2);
  res.writeHead(200, { 'Content-Type': JSON_TYPE });
  if (!(await pump(takeChars(bodyChunks(plan), half), res))) return;
  // Let the written part reach the client before the connection goes away.
  res.write('', () => req.socket.resetAndDestroy());
}

/** Answers one API request. `status` is what the token and group earned; data goes with Success. */
export async function respond(
  exchange: Exchange,
  status: string,
  data: ContactData,
  fault: Fault | null,
): Promise<void> {
  const { req, res } = exchange;
  const served = status === 'Success' ? data : null;
  const plan = answerPlan(status, served);
  if (fault === null && served !== null)
    return sendRendered(
      res,
      served.renderedAnswer(() => bodyChunks(plan)),
    );
  if (fault === null) return sendPlan(res, plan);
  switch (fault.kind) {
    case 'latency':
      try {
        await sleep(fault.ms, undefined, { signal: exchange.signal });
      } catch {
        return;
      }
      if (res.destroyed) return;
      return sendPlan(res, answerPlan(status, served));
    case 'stall-before-headers':
      return;
    case 'stall-after-headers':
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      res.flushHeaders();
      return;
    case 'rate-limit':
      return sendText(res, 429, HTML_TYPE, errorPage(429), {
        'Retry-After': fault.retryAfter ?? '2',
      });
    case 'http-status':
      return sendText(res, fault.status, HTML_TYPE, errorPage(fault.status));
    case 'redirect':
      return sendText(res, fault.status, HTML_TYPE, errorPage(fault.status), {
        Location: fault.location,
      });
    case 'html-200':
      return sendText(res, 200, HTML_TYPE, CAPTIVE_PORTAL_PAGE);
    case 'invalid-json':
      return sendText(res, 200, JSON_TYPE, INVALID_JSON);
    case 'empty-body':
      return sendText(res, 200, JSON_TYPE, '');
    case 'truncated':
      return sendTruncated(req, plan);
    case 'reset':
      return sendReset(req, res, plan);
    case 'status':
      return sendPlan(res, answerPlan(fault.title, null));
    case 'wrong-types':
      return sendPlan(res, applyWrongTypes(plan, status, served, fault.variant, fault.index ?? 0));
    case 'duplicate-ids':
      return sendPlan(res, applyDuplicateIds(plan, served, fault.count));
    case 'bom':
      return sendPlan(res, plan, { bom: true });
    case 'gzip':
      return sendPlan(res, plan, { gzip: true });
  }
}
