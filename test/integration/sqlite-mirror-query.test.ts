import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type ChangeKind } from '../../common/sync-types.ts';
import { openContactMirror } from '../../main/adapters/sqlite/sqlite-contact-mirror.ts';
import { openMirrorDatabase } from '../../main/adapters/sqlite/open-database.ts';
import { UpdatesReader } from '../../main/adapters/sqlite/query-updates.ts';
import type { AccessPath } from '../../main/adapters/sqlite/update-access-path.ts';
import type {
  ContactMirror,
  MirrorChange,
  UpdateRow,
  UpdatesPage,
  UpdatesQuery,
} from '../../main/core/ports/contact-mirror.ts';

/** A deterministic generator: the same log on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** IDs sharing prefixes at several depths, small and above 2^53. */
const IDS = [
  '0',
  '1',
  '12',
  '120',
  '123',
  '1234',
  '12345678',
  '12399999',
  '13',
  '2',
  '9',
  '99',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775807',
  '922337203685477580',
  ...Array.from({ length: 60 }, (_, i) => String(10_000_000 + i * 104_729)),
];
const KIND_WEIGHTS: readonly [ChangeKind, number][] = [
  ['updated', 0.55],
  ['added', 0.2],
  ['missing', 0.14],
  ['deleted', 0.1],
  ['restored', 0.01],
];
function pickKind(): ChangeKind {
  let roll = random();
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'updated';
}

const HOUR = 3_600_000;
const T0 = 1_760_000_000_000;
/** Detected times per commit: one repeats, one goes back (the clock was set back). */
const DETECTED = [0, 1, 2, 3, 3, 5, 4, 7, 8, 9, 10, 11].map((h) => T0 + h * HOUR);

let dir: string;
let mirror: ContactMirror;
let db: ReturnType<typeof openMirrorDatabase>;
const log: UpdateRow[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-mirror-query-'));
  const file = path.join(dir, 'mirror.db');
  mirror = openContactMirror({ file }).mirror;
  DETECTED.forEach((detectedAtMs, round) => {
    const runId = `run-${round}`;
    const changes: MirrorChange[] = Array.from({ length: 40 + Math.floor(random() * 200) }, () => ({
      id: pick(IDS),
      kind: pickKind(),
      // Coarse times, so equal server times are common and the tie-break shows.
      updatedAtMs: T0 - 48 * HOUR + Math.floor(random() * 60) * HOUR,
    }));
    mirror.commit({
      runId,
      detectedAtMs,
      upserts: changes.map((c) => ({
        id: c.id,
        updatedAtMs: c.updatedAtMs,
        deleted: false,
        missing: false,
      })),
      changes,
      answerFingerprint: runId,
      received: changes.length,
    });
    for (const c of changes) {
      log.push({ seq: log.length + 1, ...c, detectedAtMs, runId });
    }
  });
  db = openMirrorDatabase(file);
});
afterAll(() => {
  db.close();
  mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the query must answer, computed from the list of everything committed. */
function expected(query: UpdatesQuery): UpdatesPage {
  const prefix = (query.idPrefix ?? '').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  const inWindow = (row: UpdateRow) =>
    query.detectedSinceMs === undefined || row.detectedAtMs >= query.detectedSinceMs;
  const narrowed = log.filter((row) => inWindow(row) && row.id.startsWith(prefix));
  const totalsByKind = Object.fromEntries(
    CHANGE_KINDS.map((kind) => [kind, narrowed.filter((row) => row.kind === kind).length]),
  ) as Record<ChangeKind, number>;
  const kinds = query.kinds && query.kinds.length > 0 ? query.kinds : CHANGE_KINDS;
  const key = query.order === 'server-time' ? 'updatedAtMs' : 'detectedAtMs';
  const matching = narrowed
    .filter((row) => kinds.includes(row.kind))
    .sort((a, b) => b[key] - a[key] || b.seq - a.seq);
  const offset = query.offset ?? 0;
  return {
    rows: matching.slice(offset, offset + query.limit),
    total: matching.length,
    totalsByKind,
  };
}

const ORDERS = ['detected-time', 'server-time'] as const;
const KIND_SETS: (readonly ChangeKind[] | undefined)[] = [
  undefined,
  [],
  ['restored'],
  ['updated'],
  ['added', 'deleted'],
  [...CHANGE_KINDS],
];
const WINDOWS = [undefined, T0 - 100 * HOUR, T0 + 4 * HOUR, T0 + 11 * HOUR, T0 + 12 * HOUR];
const PREFIXES = [undefined, '', '1', '12', '123', '9', '۹۰۰۷', '0', '99999'];
const PAGES = [
  { limit: 100, offset: undefined },
  { limit: 7, offset: 0 },
  { limit: 7, offset: 13 },
  { limit: 1000, offset: 0 },
  { limit: 5, offset: 5000 },
];

function* queries(pages = PAGES): Generator<UpdatesQuery> {
  for (const order of ORDERS)
    for (const kinds of KIND_SETS)
      for (const detectedSinceMs of WINDOWS)
        for (const idPrefix of PREFIXES)
          for (const { limit, offset } of pages) {
            yield { order, kinds, detectedSinceMs, idPrefix, limit, offset };
          }
}

describe('queryUpdates', () => {
  it('has a log with every kind, repeated times and a clock that went back', () => {
    expect(new Set(log.map((row) => row.kind))).toEqual(new Set(CHANGE_KINDS));
    expect(log.length).toBeGreaterThan(1000);
    expect(log.filter((row) => row.kind === 'restored').length).toBeLessThan(log.length / 20);
  });

  it('answers every combination of order, kinds, window, prefix and page as computed', () => {
    let checked = 0;
    for (const query of queries()) {
      expect(mirror.queryUpdates(query), JSON.stringify(query)).toEqual(expected(query));
      checked += 1;
    }
    expect(checked).toBe(2 * 6 * 5 * 9 * 5);
  });

  it.each<AccessPath>(['order', 'kind', 'contact', 'window'])(
    'gives the same answers when every page is read through the %s path',
    (accessPath) => {
      const reader = new UpdatesReader(db, () => accessPath);
      for (const query of queries(PAGES.slice(0, 3))) {
        expect(reader.query(query), JSON.stringify(query)).toEqual(expected(query));
      }
    },
  );

  it('keeps the page and the totals in step: the pages of a query add up to it', () => {
    const query = { order: 'server-time', kinds: ['updated', 'missing'], limit: 37 } as const;
    const { total } = mirror.queryUpdates(query);
    const seen: UpdateRow[] = [];
    for (let offset = 0; offset < total; offset += 37) {
      seen.push(...mirror.queryUpdates({ ...query, offset }).rows);
    }
    expect(total).toBeGreaterThan(1000);
    expect(seen).toEqual(expected({ ...query, limit: total }).rows);
    expect(new Set(seen.map((row) => row.seq)).size).toBe(total);
  });

  it.each([
    ['limit 0', { limit: 0 }, /query\.limit/],
    ['limit 1001', { limit: 1001 }, /query\.limit/],
    ['a fractional limit', { limit: 2.5 }, /query\.limit/],
    ['a negative offset', { offset: -1 }, /query\.offset/],
    ['an unknown kind', { kinds: ['added', 'renamed'] }, /query\.kinds\[1\]/],
    ['a prefix with a letter', { idPrefix: '12a' }, /query\.idPrefix/],
    ['a prefix longer than any ID', { idPrefix: '1'.repeat(20) }, /query\.idPrefix/],
    ['a window that is not a number', { detectedSinceMs: Number.NaN }, /query\.detectedSinceMs/],
    ['an unknown order', { order: 'alphabetical' }, /query\.order/],
  ])('refuses %s with a RangeError naming the field', (_label, override, message) => {
    const query = { order: 'detected-time', limit: 10, ...override } as unknown as UpdatesQuery;
    expect(() => mirror.queryUpdates(query)).toThrow(RangeError);
    expect(() => mirror.queryUpdates(query)).toThrow(message);
  });
});
