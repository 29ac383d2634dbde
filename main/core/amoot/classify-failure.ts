import type { MessageKey } from '../../../common/i18n/messages-en.ts';
import { amootError, type AmootError } from './amoot-error.ts';

/**
 * Puts a thrown fetch failure into a class. Node's fetch (undici) reports a `cause.code`; Electron's
 * `net.fetch` reports Chromium's `net::ERR_*` names in the message. Both are read, along the whole
 * cause chain, so the same words reach the user whichever fetch ran.
 */
const NETWORK_PATTERNS: ReadonlyArray<[RegExp, MessageKey]> = [
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ENETUNREACH|ENETDOWN/, 'error.network.offline'],
  [
    /ENOTFOUND|EAI_AGAIN|EAI_NONAME|ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/,
    'error.network.dns',
  ],
  [/ECONNREFUSED|ERR_CONNECTION_REFUSED/, 'error.network.refused'],
  [/ERR_PROXY|ERR_TUNNEL_CONNECTION_FAILED|ERR_MANDATORY_PROXY/, 'error.network.proxy'],
  [/CERT|ERR_TLS|ERR_SSL|SSL routines|self[- ]signed|unable to verify/i, 'error.network.tls'],
  [
    /ECONNRESET|EPIPE|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_CONNECTION_ABORTED/,
    'error.network.reset',
  ],
];
const TIMEOUT_PATTERN =
  /ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/;
/** The peer closed the stream before the body was complete, without a reset. */
const CUT_SHORT_PATTERN =
  /terminated|other side closed|premature close|ERR_CONTENT_LENGTH_MISMATCH|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING/i;

/**
 * A fetch that refuses a redirect by throwing (Chromium's `net::ERR_UNSAFE_REDIRECT`,
 * `ERR_INVALID_REDIRECT`, `ERR_TOO_MANY_REDIRECTS`, undici's "unexpected redirect") rather than
 * answering with it: the same refusal as `refuseRedirect`, not a network failure to retry.
 */
const REDIRECT_PATTERN = /redirect/i;

export function classifyThrownFailure(error: unknown, duringBody: boolean): AmootError {
  const text = describeChain(error);
  if (!duringBody && REDIRECT_PATTERN.test(text)) {
    return amootError(
      'protocol',
      { key: 'error.protocol.redirect.no-host' },
      `redirect refused: ${text}`,
    );
  }
  if (TIMEOUT_PATTERN.test(text)) {
    return amootError('timeout', { key: 'error.timeout' }, `timed out: ${text}`);
  }
  const network = NETWORK_PATTERNS.find(([pattern]) => pattern.test(text));
  if (
    network &&
    !(duringBody && network[1] === 'error.network.reset' && CUT_SHORT_PATTERN.test(text))
  ) {
    return amootError('network', { key: network[1] }, `network failure: ${text}`);
  }
  if (duringBody && CUT_SHORT_PATTERN.test(text)) {
    return amootError('protocol', { key: 'error.protocol.truncated' }, `body cut short: ${text}`);
  }
  return amootError('network', { key: 'error.network' }, `request failed: ${text}`);
}

/** `TypeError: fetch failed ← Error: connect ECONNREFUSED 127.0.0.1:1 [ECONNREFUSED]`, bounded. */
function describeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      parts.push(
        `${current.name}: ${current.message}${typeof code === 'string' ? ` [${code}]` : ''}`,
      );
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← ').slice(0, 600);
}
