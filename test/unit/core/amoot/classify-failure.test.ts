import { describe, expect, it } from 'vitest';
import { classifyThrownFailure } from '../../../../main/core/amoot/classify-failure.ts';

/** Node's fetch wraps the socket error: `TypeError: fetch failed` with a coded cause. */
function undiciError(code: string, message = code): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('classifyThrownFailure', () => {
  it.each([
    [
      undiciError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      'network',
      'error.network.refused',
    ],
    [
      undiciError('ENOTFOUND', 'getaddrinfo ENOTFOUND portal.amootsms.com'),
      'network',
      'error.network.dns',
    ],
    [undiciError('EAI_AGAIN'), 'network', 'error.network.dns'],
    [undiciError('ECONNRESET', 'read ECONNRESET'), 'network', 'error.network.reset'],
    [undiciError('CERT_HAS_EXPIRED', 'certificate has expired'), 'network', 'error.network.tls'],
    [
      undiciError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      'network',
      'error.network.tls',
    ],
    [undiciError('ENETUNREACH'), 'network', 'error.network.offline'],
    [undiciError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'), 'timeout', 'error.timeout'],
    [undiciError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'), 'timeout', 'error.timeout'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'network', 'error.network.dns'],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), 'network', 'error.network.offline'],
    [new Error('net::ERR_CONNECTION_REFUSED'), 'network', 'error.network.refused'],
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'network', 'error.network.tls'],
    [new Error('net::ERR_PROXY_CONNECTION_FAILED'), 'network', 'error.network.proxy'],
    [new Error('net::ERR_TIMED_OUT'), 'timeout', 'error.timeout'],
    [new Error('something odd'), 'network', 'error.network'],
  ])('%s → %s (%s)', (error, kind, key) => {
    expect(classifyThrownFailure(error, false)).toMatchObject({
      kind,
      status: null,
      message: { key },
    });
  });

  it('calls a body the server stopped sending mid-way cut short, not a dropped network', () => {
    const error = new TypeError('terminated', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(classifyThrownFailure(error, true)).toMatchObject({
      kind: 'protocol',
      message: { key: 'error.protocol.truncated' },
    });
    expect(
      classifyThrownFailure(new Error('net::ERR_INCOMPLETE_CHUNKED_ENCODING'), true).kind,
    ).toBe('protocol');
  });

  it('keeps the technical chain for the log', () => {
    const detail = classifyThrownFailure(
      undiciError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      false,
    ).detail;
    expect(detail).toContain('fetch failed');
    expect(detail).toContain('ECONNREFUSED 127.0.0.1:9');
  });
});
