/** Small HTTP helpers shared by the API and control handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

/** Request bodies here are tiny; the cap keeps a runaway client from filling memory. */
const BODY_LIMIT = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > BODY_LIMIT) throw new BodyTooLargeError(`request body over ${BODY_LIMIT} bytes`);
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** A complete small answer with an exact Content-Length. */
export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, JSON_TYPE, `${JSON.stringify(value, null, 2)}\n`);
}

/** Resolves true on 'drain', false if the stream closes or fails first (the client went away). */
function drained(dest: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => () => {
      dest.off('drain', onDrain);
      dest.off('close', onClose);
      dest.off('error', onClose);
      resolve(ok);
    };
    const onDrain = finish(true);
    const onClose = finish(false);
    dest.on('drain', onDrain);
    dest.on('close', onClose);
    dest.on('error', onClose);
  });
}

/**
 * Writes chunks honouring backpressure: when `write` returns false it waits for 'drain', so a slow
 * client holds the producer back instead of the whole answer piling up in memory. Returns false
 * when the destination went away before the end.
 */
export async function pump(
  chunks: Iterable<string | Uint8Array>,
  dest: Writable,
): Promise<boolean> {
  for (const chunk of chunks) {
    if (dest.destroyed) return false;
    if (!dest.write(chunk) && !(await drained(dest))) return false;
  }
  return !dest.destroyed;
}

/** The first `limit` characters of a chunk sequence: for answers cut short on purpose. */
export function* takeChars(chunks: Iterable<string>, limit: number): Generator<string> {
  let left = limit;
  for (const chunk of chunks) {
    if (left <= 0) return;
    const part = chunk.length <= left ? chunk : chunk.slice(0, left);
    left -= part.length;
    yield part;
  }
}
