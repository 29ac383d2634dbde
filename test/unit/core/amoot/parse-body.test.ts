import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesEn } from '../../../../common/i18n/messages-en.ts';
import { STATUS_TITLES } from '../../../../common/status-titles.ts';
import { decodeUtf8, unwrapGzip, readContactListBody } from '../../../../main/core/amoot/client.ts';
import { parseContactListBody } from '../../../../main/core/amoot/parse-body.ts';
import { createServerTimeParser } from '../../../../main/core/amoot/server-time.ts';

const parseTime = createServerTimeParser('Asia/Tehran');
const parse = (text: string) => parseContactListBody(text, parseTime);
const item = (id: string, time = '2025-10-20T13:11:03.35', deleted = 'false') =>
  `{"ID":${id},"UpdateDateTime":"${time}","Deleted":${deleted}}`;
const success = (...items: string[]) => `{"Status":"Success","Data":[${items.join(',')}]}`;

function errorOf(text: string) {
  const result = parse(text);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('parseContactListBody: the documented answers', () => {
  it("reads the vendor's success sample", () => {
    const result = parse(success(item('12345678'), item('12345679', '2025-10-21T11:03:41.96')));
    expect(result).toEqual({
      ok: true,
      duplicates: 0,
      records: [
        { id: '12345678', updatedAtMs: Date.parse('2025-10-20T09:41:03.350Z'), deleted: false },
        { id: '12345679', updatedAtMs: Date.parse('2025-10-21T07:33:41.960Z'), deleted: false },
      ],
    });
  });

  it('reads an empty success', () => {
    expect(parse('{"Status":"Success","Data":[]}')).toEqual({
      ok: true,
      records: [],
      duplicates: 0,
    });
  });

  it('honours Deleted: true although v1 always sends false', () => {
    const result = parse(success(item('5', undefined, 'true')));
    expect(result.ok && result.records[0]?.deleted).toBe(true);
  });

  it.each(Object.entries(STATUS_TITLES).filter(([title]) => title !== 'Success'))(
    'classifies %s as its class',
    (title, { class: kind }) => {
      const error = errorOf(`{"Status":"${title}","Data":[]}`);
      expect(error).toMatchObject({ kind, status: title, message: { key: `status.${title}` } });
    },
  );

  it('understands a title whose casing changed', () => {
    expect(errorOf('{"Status":"token_expired","Data":[]}')).toMatchObject({
      kind: 'auth',
      status: 'Token_Expired',
    });
  });

  it('treats an unknown title as unknown, keeping its raw text for the user', () => {
    const error = errorOf('{"Status":"Contact_Locked","Data":[]}');
    expect(error).toMatchObject({ kind: 'unknown', status: 'Contact_Locked' });
    expect(error.message).toEqual({ key: 'status.unknown', params: { title: 'Contact_Locked' } });
  });

  it('never calls a failure with records a success', () => {
    expect(errorOf(`{"Status":"ServerError","Data":[${item('1')}]}`).kind).toBe('server');
  });
});

describe('parseContactListBody: 64-bit IDs', () => {
  it('keeps IDs above 2^53 exact, up to 2^63 − 1', () => {
    const ids = ['9007199254740993', '9223372036854775807', '18014398509481985', '42'];
    const result = parse(success(...ids.map((id) => item(id))));
    expect(result.ok && result.records.map((record) => record.id)).toEqual(ids);
  });
  it.each([
    ['9223372036854775808', 'larger than a 64-bit ID'],
    ['-9223372036854775807', 'negative'],
    ['-1', 'negative'],
    ['1.5', 'not a whole number'],
    ['1e25', 'not a whole number'],
  ])('refuses ID %s, naming the item', (id, problem) => {
    const error = errorOf(success(item('7'), item(id)));
    expect(error.kind).toBe('protocol');
    expect(error.message.params).toMatchObject({ path: 'Data[1].ID' });
    expect(String(error.message.params?.['problem'])).toContain(problem);
  });
});

describe('parseContactListBody: duplicates', () => {
  it('keeps the latest time of a repeated ID and counts the repeats', () => {
    const result = parse(
      success(
        item('1', '2025-10-20T10:00:00'),
        item('2', '2025-10-20T10:00:00'),
        item('1', '2025-10-21T10:00:00', 'true'),
        item('1', '2025-10-19T10:00:00'),
      ),
    );
    expect(result).toMatchObject({ ok: true, duplicates: 2 });
    if (!result.ok) return;
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toEqual({
      id: '1',
      updatedAtMs: Date.parse('2025-10-21T06:30:00Z'),
      deleted: true,
    });
  });
});

describe('parseContactListBody: what else can arrive', () => {
  it.each([
    ['', 'error.protocol.empty'],
    ['  \n', 'error.protocol.empty'],
    ['<!DOCTYPE html><html><body>Sign in to Wi-Fi</body></html>', 'error.protocol.html'],
    ['\n  <html>', 'error.protocol.html'],
    ['Service Unavailable', 'error.protocol.not-json'],
    ['{"Status":"Success","Data":[{"ID":1,"Upd', 'error.protocol.truncated'],
    ['{"Status":"Succ', 'error.protocol.truncated'],
  ])('classifies %j as %s', (text, key) => {
    expect(errorOf(text)).toMatchObject({ kind: 'protocol', message: { key } });
  });

  it.each([
    ['[]', '$'],
    ['null', '$'],
    ['"Success"', '$'],
    ['{"Data":[]}', 'Status'],
    ['{"Status":1,"Data":[]}', 'Status'],
    ['{"Status":"Success"}', 'Data'],
    ['{"Status":"Success","Data":null}', 'Data'],
    ['{"Status":"Success","Data":{}}', 'Data'],
    [success('5'), 'Data[0]'],
    [success(item('1'), 'null'), 'Data[1]'],
    [success('{"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false}'), 'Data[0].ID'],
    [success(item('"12345678"')), 'Data[0].ID'],
    [success('{"ID":1,"UpdateDateTime":20251020,"Deleted":false}'), 'Data[0].UpdateDateTime'],
    [success(item('1', '2025-02-30T10:00:00')), 'Data[0].UpdateDateTime'],
    [success(item('1', '20/10/2025')), 'Data[0].UpdateDateTime'],
    [success(item('1', undefined, '"false"')), 'Data[0].Deleted'],
    [success(item('1', undefined, '0')), 'Data[0].Deleted'],
    [success('{"ID":1,"UpdateDateTime":"2025-10-20T13:11:03"}'), 'Data[0].Deleted'],
  ])('names the field path of a wrong shape: %s → %s', (text, path) => {
    const error = errorOf(text);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatchObject({ key: 'error.protocol.shape', params: { path } });
  });
});

describe('readContactListBody: decoding the bytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const read = (body: Uint8Array) => readContactListBody(body, 'Asia/Tehran');
  it('drops a UTF-8 BOM', async () => {
    const decoded = decodeUtf8(bytes('\ufeff{"Status":"Success","Data":[]}'));
    expect(decoded.ok && parse(decoded.value).ok).toBe(true);
    expect(read(bytes('\ufeff{"Status":"Success","Data":[]}')).ok).toBe(true);
  });
  it('undoes gzip that no header announced', async () => {
    const { gzipSync } = await import('node:zlib');
    const gzipped = gzipSync(bytes('{"Status":"Success","Data":[]}'));
    const unwrapped = unwrapGzip(gzipped);
    expect(unwrapped.ok && new TextDecoder().decode(unwrapped.value)).toBe(
      '{"Status":"Success","Data":[]}',
    );
    expect(read(gzipped)).toEqual(read(bytes('{"Status":"Success","Data":[]}')));
  });
  it('refuses bytes that are not UTF-8', () => {
    const decoded = read(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(decoded.ok ? null : decoded.error.message.key).toBe('error.protocol.encoding');
  });
});

/** Records as the server writes them, with the instant we expect: Tehran is UTC+03:30 since 2023. */
const recordArbitrary = fc
  .record({
    id: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
    year: fc.integer({ min: 2023, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.stringMatching(/^\d{0,7}$/),
    deleted: fc.boolean(),
  })
  .map((r) => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const wall = `${r.year}-${pad(r.month)}-${pad(r.day)}T${pad(r.hour)}:${pad(r.minute)}:${pad(r.second)}`;
    const text = r.fraction === '' ? wall : `${wall}.${r.fraction}`;
    const millis = r.fraction === '' ? 0 : Number(r.fraction.padEnd(3, '0').slice(0, 3));
    const expectedMs =
      Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute, r.second, millis) - 3.5 * 3_600_000;
    return { id: r.id, text, deleted: r.deleted, expectedMs };
  });

const dataSetArbitrary = fc.uniqueArray(recordArbitrary, { selector: (r) => r.id, maxLength: 40 });
const serialize = (records: { id: bigint; text: string; deleted: boolean }[]) =>
  success(...records.map((r) => item(r.id.toString(), r.text, String(r.deleted))));

describe('properties', () => {
  it('any valid data set round-trips exactly', () => {
    fc.assert(
      fc.property(dataSetArbitrary, (records) => {
        const result = parse(serialize(records));
        expect(result).toEqual({
          ok: true,
          duplicates: 0,
          records: records.map((r) => ({
            id: r.id.toString(),
            updatedAtMs: r.expectedMs,
            deleted: r.deleted,
          })),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any corruption of a valid body yields success or a classified error, never an exception', () => {
    const corruption = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('replace' as const),
        at: fc.nat(),
        with: fc.string({ minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        with: fc.string({ unit: 'binary', minLength: 1, maxLength: 5 }),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
      }),
    );
    const knownKeys = new Set(Object.keys(messagesEn));
    fc.assert(
      fc.property(
        dataSetArbitrary,
        fc.array(corruption, { minLength: 1, maxLength: 4 }),
        (records, edits) => {
          let text = serialize(records);
          for (const edit of edits) {
            const at = edit.at % (text.length + 1);
            if (edit.kind === 'cut') text = text.slice(0, at);
            if (edit.kind === 'replace')
              text = text.slice(0, at) + edit.with + text.slice(at + edit.with.length);
            if (edit.kind === 'insert') text = text.slice(0, at) + edit.with + text.slice(at);
            if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + edit.length);
          }
          const result = parse(text);
          if (result.ok) return;
          expect(['protocol', 'auth', 'input', 'account', 'server', 'unknown']).toContain(
            result.error.kind,
          );
          expect(knownKeys.has(result.error.message.key)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
