import { amootError, type AmootError } from './amoot-error.ts';
import { parseRetryAfter } from './retry-after.ts';

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
