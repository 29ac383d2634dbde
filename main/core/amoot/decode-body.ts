import { gunzipSync } from 'node:zlib';
import { amootError, type AmootError } from './amoot-error.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text. fetch already undoes a declared `Content-Encoding: gzip`; a proxy that gzips without
 * saying so still leaves the gzip magic number, so that is undone here too. A UTF-8 BOM is dropped
 * (TextDecoder does it); bytes that are not UTF-8 are an error, not replacement characters.
 */
export function decodeBody(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: AmootError } {
  let plain = bytes;
  if (bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      plain = gunzipSync(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
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
  try {
    return { ok: true, text: strictUtf8.decode(plain) };
  } catch {
    return {
      ok: false,
      error: amootError('protocol', { key: 'error.protocol.encoding' }, 'body is not valid UTF-8'),
    };
  }
}
