import { amootError, type AmootError } from './amoot-error.ts';

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
