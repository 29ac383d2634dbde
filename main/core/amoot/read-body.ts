import { decodeUtf8, unwrapGzip } from './decode-body.ts';
import { parseContactListBody, type BodyOutcome } from './parse-body.ts';
import { scanContactList } from './scan-contact-list.ts';
import { createServerTimeParser, createWallClockConverter } from './server-time.ts';

/**
 * An answer's bytes to records or one classified error. A successful answer of the usual form is
 * read by the byte scanner; anything else — every failure included — by the reference parser over
 * the decoded text, which names what is wrong. Both give the same result for what both accept.
 */
export function readContactListBody(bytes: Uint8Array, timeZone: string): BodyOutcome {
  const plain = unwrapGzip(bytes);
  if (!plain.ok) return plain;
  const scanned = scanContactList(plain.value, createWallClockConverter(timeZone));
  if (scanned) return scanned;
  const text = decodeUtf8(plain.value);
  if (!text.ok) return text;
  return parseContactListBody(text.value, createServerTimeParser(timeZone));
}
