import type { ContactUpdate } from '../../../common/amoot-types.ts';
import { isStatusTitle, STATUS_TITLES } from '../../../common/status-titles.ts';
import { amootError, shapeError, type AmootError } from './amoot-error.ts';
import { parseContactRecords } from './parse-records.ts';
import { cleanServerText, MAX_SERVER_TEXT_CHARS } from './server-text.ts';
import type { ServerTimeParser } from './server-time.ts';
import { describeError } from '../describe-error.ts';

export type BodyOutcome =
  { ok: true; records: ContactUpdate[]; duplicates: number } | { ok: false; error: AmootError };

/**
 * Reads the decoded text of an answer: `{ "Status": string, "Data": [...] }`. Anything else — an
 * HTML page, half a body, JSON of another shape — ends in one classified error, never an exception.
 */
export function parseContactListBody(text: string, parseTime: ServerTimeParser): BodyOutcome {
  const start = text.search(/\S/);
  if (start === -1) {
    return fail(amootError('protocol', { key: 'error.protocol.empty' }, 'empty body'));
  }
  if (text[start] === '<') {
    return fail(amootError('protocol', { key: 'error.protocol.html' }, 'an HTML page arrived'));
  }

  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    return fail(notJson(text, error));
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return fail(shapeError('$', 'expected an object with Status and Data'));
  }

  const status = (envelope as Record<string, unknown>)['Status'];
  if (typeof status !== 'string')
    return fail(shapeError('Status', describeExpected('a string', status)));

  const title = classifyTitle(status);
  if (title !== 'Success') return fail(statusError(status, title));

  const data = (envelope as Record<string, unknown>)['Data'];
  if (!Array.isArray(data)) return fail(shapeError('Data', describeExpected('an array', data)));
  return parseContactRecords(data, text, parseTime);
}

/**
 * Matches the documented titles exactly, then ignoring case and surrounding space, so a server that
 * changes only the casing of a title is still understood.
 */
function classifyTitle(status: string): string | null {
  if (isStatusTitle(status)) return status;
  const folded = status.trim().toLowerCase();
  return Object.keys(STATUS_TITLES).find((title) => title.toLowerCase() === folded) ?? null;
}

/** An unknown title is kept cut and cleaned: it is server text, and could be megabytes long. */
function statusError(raw: string, title: string | null): AmootError {
  if (title === null || !isStatusTitle(title)) {
    const status = cleanServerText(raw);
    const cut = raw.length > MAX_SERVER_TEXT_CHARS ? ` (cut from ${raw.length} characters)` : '';
    return amootError(
      'unknown',
      { key: 'status.unknown', params: { title: cleanServerText(raw, 80) } },
      `unknown Status title ${JSON.stringify(status)}${cut}`,
      { status },
    );
  }
  const kind = STATUS_TITLES[title].class;
  if (kind === 'ok') throw new Error('unreachable: Success is handled by the caller');
  return amootError(kind, { key: `status.${title}` }, `API answered Status ${title}`, {
    status: title,
  });
}

/** JSON.parse reports the end of input for a body that was cut short; that deserves its own words. */
function notJson(text: string, error: unknown): AmootError {
  const reason = describeError(error, 'message');
  const cutShort =
    /end of (JSON )?input|Unterminated/i.test(reason) && text.trimStart().startsWith('{');
  return cutShort
    ? amootError('protocol', { key: 'error.protocol.truncated' }, `body cut short: ${reason}`)
    : amootError('protocol', { key: 'error.protocol.not-json' }, `body is not JSON: ${reason}`);
}

export function describeExpected(expected: string, actual: unknown): string {
  const found = actual === null ? 'null' : Array.isArray(actual) ? 'an array' : typeof actual;
  return actual === undefined
    ? `missing, expected ${expected}`
    : `expected ${expected}, found ${found}`;
}

function fail(error: AmootError): BodyOutcome {
  return { ok: false, error };
}
