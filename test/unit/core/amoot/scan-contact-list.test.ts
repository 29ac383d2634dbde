import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContactListBody } from '../../../../main/core/amoot/parse-body.ts';
import { scanContactList } from '../../../../main/core/amoot/scan-contact-list.ts';
import {
  createServerTimeParser,
  createWallClockConverter,
} from '../../../../main/core/amoot/server-time.ts';

const zone = 'Asia/Tehran';
const scan = (text: string) =>
  scanContactList(new TextEncoder().encode(text), createWallClockConverter(zone));
const reference = (text: string) =>
  parseContactListBody(text.replace(/^\ufeff/, ''), createServerTimeParser(zone));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const wallTime = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    fraction: fc.stringMatching(/^\d{0,7}$/),
  })
  .map(({ y, mo, d, h, mi, s, fraction }) => {
    const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
    return fraction === '' ? text : `${text}.${fraction}`;
  });
const id = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
  fc.bigInt({ min: 0n, max: 99_999_999n }),
);
const item = fc.record({
  id,
  time: wallTime,
  deleted: fc.boolean(),
  extra: fc.option(fc.jsonValue({ maxDepth: 2 })),
});
const ws = fc.constantFrom('', ' ', '\n', '\r\n  ', '\t');

function render(
  items: { id: bigint; time: string; deleted: boolean; extra: unknown }[],
  space: string,
  bom: boolean,
) {
  const body = items.map((i) => {
    const fields = [
      `"ID":${space}${i.id}`,
      `"UpdateDateTime":"${i.time}"`,
      `"Deleted":${i.deleted}`,
    ];
    if (i.extra !== null) fields.push(`"Note":${JSON.stringify(i.extra)}`);
    return `{${space}${fields.join(`,${space}`)}${space}}`;
  });
  return `${bom ? '\ufeff' : ''}{${space}"Status":${space}"Success",${space}"Data":${space}[${body.join(`,${space}`)}]${space}}${space}`;
}

describe('scanContactList', () => {
  it('reads what the reference parser reads, with the same result', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), ws, fc.boolean(), (items, space, bom) => {
        const text = render(items, space, bom);
        const expected = reference(text);
        const scanned = scan(text);
        if (!expected.ok) {
          expect(scanned).toBeNull();
          return;
        }
        expect(scanned).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('merges repeated IDs, short and long, exactly as the reference parser does', () => {
    const entry = (id: string, time: string, deleted = false) =>
      `{"ID":${id},"UpdateDateTime":"${time}","Deleted":${deleted}}`;
    const text = `{"Status":"Success","Data":[${[
      entry('12', '2025-10-20T10:00:00'),
      entry('9223372036854775807', '2025-10-20T10:00:00'),
      entry('12', '2025-10-21T10:00:00', true),
      entry('13', '2025-10-20T10:00:00'),
      entry('9223372036854775807', '2025-10-19T10:00:00'),
      entry('12', '2025-10-21T10:00:00'),
    ].join(',')}]}`;
    const scanned = scan(text);
    expect(scanned).not.toBeNull();
    expect(scanned).toEqual(reference(text));
    expect(scanned?.duplicates).toBe(3);
  });

  it("takes the fast path for answers in the server's own form", () => {
    const text =
      '{"Status":"Success","Data":[{"ID":12345678,"UpdateDateTime":"2025-10-20T13:11:03.35","Deleted":false},{"ID":9223372036854775807,"UpdateDateTime":"2025-10-21T11:03:41","Deleted":true}]}';
    expect(scan(text)).toEqual(reference(text));
    expect(scan(text)).not.toBeNull();
  });

  it('never accepts a corrupted body the reference parser refuses, nor reads it differently', () => {
    const valid = fc
      .array(item, { minLength: 1, maxLength: 10 })
      .map((items) => render(items, '', false));
    const edit = fc.record({
      at: fc.nat(),
      text: fc.string({ maxLength: 3 }),
      cut: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(valid, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let body = text;
        for (const e of edits) {
          const at = e.at % (body.length + 1);
          body = body.slice(0, at) + e.text + body.slice(at + e.cut);
        }
        const scanned = scan(body);
        if (scanned === null) return;
        expect(reference(body)).toEqual(scanned);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a title in other casing', '{"Status":"success","Data":[]}'],
    ['a failure title', '{"Status":"Token_Expired","Data":[]}'],
    [
      'a leading zero in an ID',
      '{"Status":"Success","Data":[{"ID":0012,"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false}]}',
    ],
    [
      'a negative ID',
      '{"Status":"Success","Data":[{"ID":-12,"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false}]}',
    ],
    [
      'an ID over 2^63 − 1',
      '{"Status":"Success","Data":[{"ID":9223372036854775808,"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false}]}',
    ],
    [
      'an escaped date',
      '{"Status":"Success","Data":[{"ID":1,"UpdateDateTime":"2025\\u002d10-20T13:11:03","Deleted":false}]}',
    ],
    [
      'a repeated key',
      '{"Status":"Success","Data":[{"ID":1,"ID":2,"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false}]}',
    ],
    [
      'a trailing comma',
      '{"Status":"Success","Data":[{"ID":1,"UpdateDateTime":"2025-10-20T13:11:03","Deleted":false},]}',
    ],
    [
      'an impossible date',
      '{"Status":"Success","Data":[{"ID":1,"UpdateDateTime":"2025-02-30T13:11:03","Deleted":false}]}',
    ],
  ])('leaves %s to the reference parser', (_, text) => {
    expect(scan(text)).toBeNull();
  });

  it('leaves bytes that are not UTF-8 to the reference parser', () => {
    const bytes = new TextEncoder().encode('{"Status":"Success","Data":[],"x":"--"}');
    bytes[bytes.length - 3] = 0xff;
    expect(scanContactList(bytes, createWallClockConverter(zone))).toBeNull();
  });
});
