import { gunzipSync } from 'node:zlib';
import { amootError, type AmootError } from './amoot-error.ts';
import { describeError } from '../describe-error.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type Decoded<T> = { ok: true; value: T } | { ok: false; error: AmootError };

/**
 * fetch already undoes a declared `Content-Encoding: gzip`; a proxy that gzips without saying so
 * still leaves the gzip magic number, so that is undone here too.
 */
export function unwrapGzip(bytes: Uint8Array): Decoded<Uint8Array> {
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    return { ok: true, value: bytes };
  try {
    return { ok: true, value: gunzipSync(bytes) };
  } catch (error) {
    const reason = describeError(error, 'message');
    return {
      ok: false,
      error: amootError(
        'protocol',
        { key: 'error.protocol.truncated' },
        `bad gzip body: ${reason}`,
      ),
    };
  }
}

/** A UTF-8 BOM is dropped (TextDecoder does it); bytes that are not UTF-8 are an error, not U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): Decoded<string> {
  try {
    return { ok: true, value: strictUtf8.decode(bytes) };
  } catch {
    return {
      ok: false,
      error: amootError('protocol', { key: 'error.protocol.encoding' }, 'body is not valid UTF-8'),
    };
  }
}
