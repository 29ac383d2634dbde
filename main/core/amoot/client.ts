import { createHash } from 'node:crypto';
import type { ContactUpdate } from '../../../common/amoot-types.ts';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import {
  checkBaseUrl,
  checkContactGroupId,
  checkToken,
  type Checked,
} from '../../../common/validation.ts';
import { amootError, type AmootError } from './amoot-error.ts';
import {
  GuardedRequest,
  classifyHttpStatus,
  type FetchFunction,
  type Guarded,
} from './guarded-request.ts';
import { assertTimeZone, createServerTimeParser, createWallClockConverter } from './server-time.ts';
import { redactSecrets } from '../token/redact.ts';
import { parseContactListBody, type BodyOutcome } from './parse-body.ts';
import { scanContactList } from './scan-contact-list.ts';
import { gunzipSync } from 'node:zlib';
import { describeError } from '../describe-error.ts';

export const DEFAULT_BASE_URL = 'https://portal.amootsms.com/rest';
export const DEFAULT_SERVER_TIME_ZONE = 'Asia/Tehran';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const TIMEOUT_RANGE_MS = { min: 50, max: 3_600_000 } as const;
const DEFAULT_MAX_BODY_BYTES = 512 * 1024 * 1024;
/** Part of every fingerprint: a new parser version must not reuse an old answer's result. */
const FINGERPRINT_VERSION = 'contact-list-updates/1';

export interface ContactUpdatesRequest {
  readonly token: string;
  readonly contactGroupId: string | bigint;
  readonly baseUrl: string;
  readonly fetch: FetchFunction;
  /** Names the app and its version, e.g. from `userAgentFor`. */
  readonly userAgent: string;
  /** Longest wait for headers, and between two chunks of the body. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The zone of the server's wall-clock `UpdateDateTime`. */
  readonly serverTimeZone?: string;
  readonly maxBodyBytes?: number;
  readonly onProgress?: (bytesReceived: number) => void;
  /**
   * The fingerprint of an answer already applied. When this answer has the very same fingerprint,
   * it is not parsed again: nothing can have changed (the ETag idea, computed on our side).
   */
  readonly unchangedSince?: string;
  readonly now?: () => number;
}

export interface ContactUpdatesSuccess {
  readonly ok: true;
  readonly unchanged: false;
  readonly status: 'Success';
  readonly records: ContactUpdate[];
  readonly warnings: LocalizedMessage[];
  readonly bytesReceived: number;
  /** Identifies this answer: SHA-256 of the body bytes and of what shapes their meaning. */
  readonly fingerprint: string;
}

/** The answer was byte for byte the one `unchangedSince` names: it was not parsed again. */
export interface ContactUpdatesUnchanged {
  readonly ok: true;
  readonly unchanged: true;
  readonly status: 'Success';
  readonly bytesReceived: number;
  readonly fingerprint: string;
}

export type ContactUpdatesResult =
  | ContactUpdatesSuccess
  | ContactUpdatesUnchanged
  | { readonly ok: false; readonly error: AmootError };

export function userAgentFor(appVersion: string, platform: string): string {
  return `AmootContactSync/${appVersion} (${platform})`;
}

/**
 * Calls `ContactListUpdates` once and returns the parsed records or one classified error. It never
 * throws for anything the network or the server can do, and never puts the token in an error.
 */
export function fetchContactUpdates(
  request: ContactUpdatesRequest & { readonly unchangedSince?: undefined },
): Promise<Exclude<ContactUpdatesResult, ContactUpdatesUnchanged>>;
export function fetchContactUpdates(request: ContactUpdatesRequest): Promise<ContactUpdatesResult>;
export async function fetchContactUpdates(
  request: ContactUpdatesRequest,
): Promise<ContactUpdatesResult> {
  const result = await callOnce(request);
  if (result.ok) return result;
  return { ok: false, error: redactToken(result.error, request.token) };
}

async function callOnce(request: ContactUpdatesRequest): Promise<ContactUpdatesResult> {
  const inputs = checkInputs(request);
  if (!inputs.ok) return inputs;
  const { token, groupId, baseUrl, timeoutMs, timeZone } = inputs;
  const now = request.now ?? Date.now;

  const guard = new GuardedRequest(timeoutMs, request.signal);
  try {
    const sent = await guard.send(request.fetch, `${baseUrl}/ContactListUpdates`, {
      method: 'POST',
      headers: {
        Authorization: token,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': request.userAgent,
      },
      body: `ContactGroupID=${groupId}`,
    });
    if (!sent.ok) return sent;
    const httpFailure = classifyHttpStatus(sent.value, now());
    if (httpFailure) {
      guard.discard(sent.value);
      return { ok: false, error: httpFailure };
    }
    // Hashed while it arrives, so the fingerprint costs no extra pass over a large body.
    const hash = createHash('sha256').update(`${FINGERPRINT_VERSION}\0${timeZone}\0`);
    const body = await guard.readBody(
      sent.value,
      request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      (chunk, bytesSoFar) => {
        hash.update(chunk);
        request.onProgress?.(bytesSoFar);
      },
    );
    if (!body.ok) return body;
    const bytesReceived = body.value.byteLength;
    const fingerprint = hash.digest('hex');
    if (request.unchangedSince === fingerprint) {
      return { ok: true, unchanged: true, status: 'Success', bytesReceived, fingerprint };
    }
    const parsed = readContactListBody(body.value, timeZone);
    if (!parsed.ok) return parsed;
    const warnings: LocalizedMessage[] =
      parsed.duplicates > 0
        ? [{ key: 'warning.duplicate-ids', params: { count: parsed.duplicates } }]
        : [];
    return {
      ok: true,
      unchanged: false,
      status: 'Success',
      records: parsed.records,
      warnings,
      bytesReceived,
      fingerprint,
    };
  } finally {
    guard.dispose();
  }
}

type CheckedInputs =
  | {
      ok: true;
      token: string;
      groupId: string;
      baseUrl: string;
      timeoutMs: number;
      timeZone: string;
    }
  | { ok: false; error: AmootError };

/** Everything is checked before a byte is sent: a typo never costs a round trip or reaches the server. */
function checkInputs(request: ContactUpdatesRequest): CheckedInputs {
  const token = checkToken(request.token);
  if (!token.ok) return inputError(token, 'token');
  const groupId = checkContactGroupId(request.contactGroupId);
  if (!groupId.ok) return inputError(groupId, 'ContactGroupID');
  const baseUrl = checkBaseUrl(request.baseUrl);
  if (!baseUrl.ok) return inputError(baseUrl, 'base URL');

  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (
    !Number.isInteger(timeoutMs) ||
    timeoutMs < TIMEOUT_RANGE_MS.min ||
    timeoutMs > TIMEOUT_RANGE_MS.max
  ) {
    const message = { key: 'input.timeout.invalid' as const, params: { ...TIMEOUT_RANGE_MS } };
    return { ok: false, error: amootError('input', message, `timeout ${timeoutMs} out of range`) };
  }
  const timeZone = request.serverTimeZone ?? DEFAULT_SERVER_TIME_ZONE;
  try {
    assertTimeZone(timeZone);
  } catch {
    const message = {
      key: 'input.time-zone.invalid' as const,
      params: { zone: timeZone.slice(0, 60) },
    };
    return {
      ok: false,
      error: amootError('input', message, `unknown time zone ${JSON.stringify(timeZone)}`),
    };
  }
  return {
    ok: true,
    token: token.value,
    groupId: groupId.value,
    baseUrl: baseUrl.value,
    timeoutMs,
    timeZone,
  };
}

function inputError(
  checked: Checked<never> & { ok: false },
  what: string,
): { ok: false; error: AmootError } {
  return {
    ok: false,
    error: amootError('input', checked.message, `invalid ${what}: ${checked.message.key}`),
  };
}

/**
 * The token vault's redactor, the one the log uses too: any length of token, and its escaped,
 * percent-encoded, base64 and hex forms, since a detail can quote a request in any of them.
 */
function redactToken(error: AmootError, token: string): AmootError {
  const detail = redactSecrets(error.detail, [token]);
  return detail === error.detail ? error : { ...error, detail };
}

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * fetch already undoes a declared `Content-Encoding: gzip`; a proxy that gzips without saying so
 * still leaves the gzip magic number, so that is undone here too.
 */
export function unwrapGzip(bytes: Uint8Array): Guarded<Uint8Array> {
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
export function decodeUtf8(bytes: Uint8Array): Guarded<string> {
  try {
    return { ok: true, value: strictUtf8.decode(bytes) };
  } catch {
    return {
      ok: false,
      error: amootError('protocol', { key: 'error.protocol.encoding' }, 'body is not valid UTF-8'),
    };
  }
}
