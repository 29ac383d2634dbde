import { amootError, type AmootError } from './amoot-error.ts';
import { classifyThrownFailure } from './classify-failure.ts';
import { parseRetryAfter } from './retry-after.ts';

/** The fetch the client needs: Node's global fetch in tests and the cli, Electron's net.fetch in the app. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export type Guarded<T> = { ok: true; value: T } | { ok: false; error: AmootError };

/**
 * One HTTP exchange under an idle time-out and the caller's cancel signal.
 *
 * The time-out is armed while waiting for headers and re-armed on every chunk of the body, so a
 * server that sends headers and then stalls is caught, while a large answer arriving steadily over a
 * slow line is not cut off half way.
 */
export class GuardedRequest {
  private readonly controller = new AbortController();
  private readonly timeoutMs: number;
  private readonly outer: AbortSignal | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOutIn: 'headers' | 'body' | null = null;
  private readonly forwardAbort = () => this.controller.abort(this.outer?.reason);

  constructor(timeoutMs: number, outer: AbortSignal | undefined) {
    this.timeoutMs = timeoutMs;
    this.outer = outer;
    outer?.addEventListener('abort', this.forwardAbort, { once: true });
  }

  /** Never follows a redirect, whatever `init` says: see `refuseRedirect`. */
  async send(fetch: FetchFunction, url: string, init: RequestInit): Promise<Guarded<Response>> {
    if (this.outer?.aborted) return { ok: false, error: cancelled() };
    this.arm('headers');
    try {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        signal: this.controller.signal,
      });
      const redirected = refuseRedirect(response, url);
      if (redirected) {
        this.discard(response);
        return { ok: false, error: redirected };
      }
      return { ok: true, value: response };
    } catch (error) {
      return { ok: false, error: this.failure(error, false) };
    }
  }

  /** Reads the whole body, showing each chunk as it comes, refusing more than `maxBytes`. */
  async readBody(
    response: Response,
    maxBytes: number,
    onChunk?: (chunk: Uint8Array, bytesReceived: number) => void,
  ): Promise<Guarded<Uint8Array>> {
    if (!response.body) return { ok: true, value: new Uint8Array(0) };
    const reader = response.body.getReader();
    const collected = new BodyCollector(expectedLength(response, maxBytes));
    let received = 0;
    this.arm('body');
    const cancelReader = () => void reader.cancel().catch(() => undefined);
    this.controller.signal.addEventListener('abort', cancelReader, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (this.controller.signal.aborted) throw this.controller.signal.reason;
        if (done) break;
        received += value.byteLength;
        if (received > maxBytes) {
          cancelReader();
          const megabytes = Math.round(maxBytes / 1048576);
          return {
            ok: false,
            error: amootError(
              'protocol',
              { key: 'error.protocol.too-large', params: { megabytes } },
              `body over ${maxBytes} bytes`,
            ),
          };
        }
        collected.add(value);
        this.arm('body');
        onChunk?.(value, received);
      }
    } catch (error) {
      return { ok: false, error: this.failure(error, true) };
    } finally {
      this.controller.signal.removeEventListener('abort', cancelReader);
    }
    return { ok: true, value: collected.bytes() };
  }

  /** Drops a body we will not read, so the connection is released. */
  discard(response: Response): void {
    void response.body?.cancel().catch(() => undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.forwardAbort);
  }

  private arm(phase: 'headers' | 'body'): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOutIn = phase;
      this.controller.abort(new Error(`no answer within ${this.timeoutMs} ms`));
    }, this.timeoutMs);
  }

  private failure(error: unknown, duringBody: boolean): AmootError {
    if (this.outer?.aborted) return cancelled();
    if (this.timedOutIn === 'body') {
      return amootError(
        'timeout',
        { key: 'error.timeout.stalled' },
        `body stalled for ${this.timeoutMs} ms`,
      );
    }
    if (this.timedOutIn === 'headers') {
      return amootError(
        'timeout',
        { key: 'error.timeout' },
        `no headers within ${this.timeoutMs} ms`,
      );
    }
    return classifyThrownFailure(error, duringBody);
  }
}

function cancelled(): AmootError {
  return amootError('cancelled', { key: 'error.cancelled' }, 'cancelled by the caller');
}

/**
 * The body's length when the server says it and fetch hands the bytes over as sent (no content
 * coding undone on the way), so the body can be received straight into one buffer.
 */
function expectedLength(response: Response, maxBytes: number): number | null {
  const coding = response.headers.get('content-encoding');
  if (coding !== null && coding.trim().toLowerCase() !== 'identity') return null;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 && length <= maxBytes ? length : null;
}

/**
 * Collects the chunks of a body. With a known length each chunk is copied into one buffer as it
 * arrives, so a large answer is never held twice (chunks plus their concatenation); otherwise the
 * chunks are joined at the end.
 */
class BodyCollector {
  private whole: Uint8Array | null;
  private filled = 0;
  private readonly chunks: Uint8Array[] = [];

  constructor(expected: number | null) {
    this.whole = expected === null ? null : new Uint8Array(expected);
  }

  add(chunk: Uint8Array): void {
    if (this.whole && this.filled + chunk.byteLength <= this.whole.byteLength) {
      this.whole.set(chunk, this.filled);
      this.filled += chunk.byteLength;
      return;
    }
    if (this.whole) {
      // The server sent more than it announced: keep what came, as chunks, and join at the end.
      this.chunks.push(this.whole.subarray(0, this.filled));
      this.whole = null;
    }
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    if (this.whole) return this.whole.subarray(0, this.filled);
    return concat(this.chunks);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** Longest host name put in a message: a hostile Location must not fill the screen or the log. */
const MAX_HOST_CHARS = 100;

/**
 * Every request is sent with `redirect: 'manual'`, so a 30x reaches us instead of being followed:
 * following it would send `Authorization: <token>` to wherever the server points (another host,
 * or plain http) around the base-URL check. Node's fetch hands over the 3xx itself; Chromium's
 * `net.fetch` an `opaqueredirect` with status 0 and no headers. Both become one protocol error,
 * which is not retried: asking again gets the same redirect.
 */
export function refuseRedirect(response: Response, requestUrl: string): AmootError | null {
  const opaque = response.type === 'opaqueredirect';
  if (!opaque && (response.status < 300 || response.status > 399)) return null;
  const host = opaque ? null : targetHost(response.headers.get('location'), requestUrl);
  const what = opaque ? 'an opaque redirect' : `HTTP ${response.status}`;
  return amootError(
    'protocol',
    host === null
      ? { key: 'error.protocol.redirect.no-host' }
      : { key: 'error.protocol.redirect', params: { host } },
    `${what} redirect${host === null ? '' : ` to host ${host}`} refused (redirects are never followed)`,
    opaque ? {} : { httpStatus: response.status },
  );
}

/** Only the host of the target, cleaned and cut: the full Location (path, query) is never shown. */
function targetHost(location: string | null, requestUrl: string): string | null {
  if (location === null) return null;
  let hostname: string;
  try {
    hostname = new URL(location, requestUrl).hostname;
  } catch {
    return null;
  }
  const cleaned = hostname.replace(/[^a-z0-9.\-:[\]]/gi, '').slice(0, MAX_HOST_CHARS);
  return cleaned === '' ? null : cleaned;
}

/**
 * The API itself always answers HTTP 200; any other status came from a server, gateway or proxy in
 * between. Returns null for 2xx, otherwise the class that decides what the sync does next.
 */
export function classifyHttpStatus(response: Response, now: number): AmootError | null {
  const httpStatus = response.status;
  if (httpStatus >= 200 && httpStatus < 300) return null;
  if (httpStatus === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const message =
      retryAfterMs === undefined
        ? { key: 'error.rate-limit.no-delay' as const }
        : { key: 'error.rate-limit' as const, params: { seconds: Math.ceil(retryAfterMs / 1000) } };
    return amootError(
      'rate-limit',
      message,
      `HTTP 429, Retry-After ${String(response.headers.get('retry-after'))}`,
      {
        httpStatus,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    );
  }
  if (httpStatus >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    return amootError(
      'server',
      { key: 'error.server-http', params: { httpStatus } },
      `HTTP ${httpStatus}`,
      {
        httpStatus,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    );
  }
  if (httpStatus === 408) {
    return amootError('timeout', { key: 'error.timeout' }, 'HTTP 408', { httpStatus });
  }
  if (httpStatus === 407) {
    return amootError('network', { key: 'error.http-proxy-auth' }, 'HTTP 407 from a proxy', {
      httpStatus,
    });
  }
  const key = [404, 405, 410].includes(httpStatus)
    ? 'error.http-not-found'
    : 'error.http-unexpected';
  return amootError('protocol', { key, params: { httpStatus } }, `HTTP ${httpStatus}`, {
    httpStatus,
  });
}
