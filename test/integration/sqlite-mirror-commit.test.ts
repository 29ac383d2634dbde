import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// SQLite as Node bundles it: an inspector independent of the adapter's better-sqlite3.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRows } from '../support/mirror-rows.ts';
import { openContactMirror } from '../../main/adapters/sqlite/sqlite-contact-mirror.ts';
import type {
  ContactMirror,
  MirrorChange,
  MirrorCommit,
  MirrorRow,
} from '../../main/core/ports/contact-mirror.ts';

let dir: string;
let file: string;
let mirror: ContactMirror;
let clock = 1_770_000_000_000;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-mirror-commit-'));
  file = path.join(dir, 'mirror.db');
  mirror = openContactMirror({ file, now: () => clock }).mirror;
});
afterEach(() => {
  mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const MAX_INT64 = '9223372036854775807';
const TWO_53_PLUS_1 = '9007199254740993';
const TWO_53 = '9007199254740992';

function readAll(): MirrorRow[] {
  return readRows(mirror);
}

function byId(rows: readonly MirrorRow[]): Map<string, MirrorRow> {
  return new Map(rows.map((row) => [row.id, row]));
}

function commitOf(upserts: MirrorRow[], changes: MirrorChange[] = [], runId = 'run'): MirrorCommit {
  return {
    runId,
    detectedAtMs: 1_765_000_000_000,
    upserts,
    changes,
    answerFingerprint: `fp-${runId}`,
    received: upserts.length,
  };
}

function row(id: string, updatedAtMs: number, deleted = false, missing = false): MirrorRow {
  return { id, updatedAtMs, deleted, missing };
}

/** Everything a failed commit must leave exactly as it was. */
function snapshot() {
  return {
    rows: readAll(),
    count: mirror.count(),
    last: mirror.lastCommit(),
    page: mirror.queryUpdates({ order: 'detected-time', limit: 1000 }),
    prefixPage: mirror.queryUpdates({ order: 'server-time', limit: 1000, idPrefix: '1' }),
  };
}

describe('commit', () => {
  it('carries 64-bit IDs exactly through readAll and queryUpdates', () => {
    const ids = [MAX_INT64, TWO_53_PLUS_1, TWO_53, '0', '9007199254740991'];
    mirror.commit(
      commitOf(
        ids.map((id, i) => row(id, 1_700_000_000_000 + i)),
        ids.map((id, i) => ({ id, kind: 'added', updatedAtMs: 1_700_000_000_000 + i })),
      ),
    );
    expect(new Set(readAll().map((r) => r.id))).toEqual(new Set(ids));
    const page = mirror.queryUpdates({ order: 'server-time', limit: 10 });
    expect(page.rows.map((r) => r.id)).toEqual([...ids].reverse());
    const huge = mirror.queryUpdates({ order: 'detected-time', limit: 10, idPrefix: '9007' });
    expect(huge.rows.map((r) => r.id).sort()).toEqual(['9007199254740991', TWO_53, TWO_53_PLUS_1]);
    expect(
      mirror.queryUpdates({ order: 'detected-time', limit: 10, idPrefix: MAX_INT64 }).total,
    ).toBe(1);
  });

  it('stores times (negative too) and both flags, and updates rows a later commit names', () => {
    mirror.commit(
      commitOf([
        row('1', -62_135_596_800_000),
        row('2', 1_700_000_000_001, true, false),
        row('3', 1_700_000_000_002, false, true),
        row('4', 1_700_000_000_003, true, true),
      ]),
    );
    mirror.commit(commitOf([row('2', 1_700_000_000_009, false, false), row('5', 7)]));
    expect(byId(readAll())).toEqual(
      byId([
        row('1', -62_135_596_800_000),
        row('2', 1_700_000_000_009),
        row('3', 1_700_000_000_002, false, true),
        row('4', 1_700_000_000_003, true, true),
        row('5', 7),
      ]),
    );
    expect(mirror.count()).toBe(5);
  });

  it('accepts contacts in any order, and the last of a repeated ID wins', () => {
    const ids = Array.from({ length: 1234 }, (_, i) => String((i * 7919) % 100_003));
    const upserts = ids.map((id, i) => row(id, i));
    upserts.push(row(ids[5] as string, 999_999, true));
    mirror.commit(commitOf(upserts));
    const rows = readAll();
    expect(rows).toHaveLength(new Set(ids).size);
    expect(byId(rows).get(ids[5] as string)).toEqual(row(ids[5] as string, 999_999, true));
    // readAll visits in ascending ID order.
    const numeric = rows.map((r) => BigInt(r.id));
    expect(numeric).toEqual([...numeric].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('records the last commit with the time it was written', () => {
    clock = 1_770_000_123_456;
    mirror.commit({ ...commitOf([row('1', 1)], [], 'run-a'), received: 17 });
    expect(mirror.lastCommit()).toEqual({
      runId: 'run-a',
      answerFingerprint: 'fp-run-a',
      committedAtMs: 1_770_000_123_456,
      received: 17,
    });
    mirror.commit(commitOf([], [], 'run-b'));
    expect(mirror.lastCommit()?.runId).toBe('run-b');
  });

  it('writes nothing when a change half-way through is bad, after the contacts were written', () => {
    mirror.commit(
      commitOf([row('10', 1), row('11', 2)], [{ id: '10', kind: 'added', updatedAtMs: 1 }], 'ok'),
    );
    const before = snapshot();
    const upserts = Array.from({ length: 3000 }, (_, i) => row(String(1000 + i), i));
    const changes: MirrorChange[] = upserts.map((r) => ({
      id: r.id,
      kind: 'updated',
      updatedAtMs: r.updatedAtMs,
    }));
    changes[1700] = { id: '2700', kind: 'renamed' as MirrorChange['kind'], updatedAtMs: 1 };
    expect(() => mirror.commit(commitOf(upserts, changes, 'bad'))).toThrow(
      /commit\.changes\[1700\]\.kind/,
    );
    expect(snapshot()).toEqual(before);
  });

  it('writes nothing when a contact half-way through is bad', () => {
    mirror.commit(commitOf([row('10', 1)], [{ id: '10', kind: 'added', updatedAtMs: 1 }], 'ok'));
    const before = snapshot();
    const upserts = Array.from({ length: 3000 }, (_, i) => row(String(5000 + i), i));
    upserts[2222] = row('9223372036854775808', 1);
    expect(() => mirror.commit(commitOf(upserts, [], 'bad'))).toThrow(
      /commit\.upserts\[2222\]\.id/,
    );
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['runId', { runId: '' }, /commit\.runId/],
    ['detectedAtMs', { detectedAtMs: Number.NaN }, /commit\.detectedAtMs/],
    ['received', { received: -1 }, /commit\.received/],
    ['answerFingerprint', { answerFingerprint: 5 }, /commit\.answerFingerprint/],
    ['upserts', { upserts: 'x' }, /commit\.upserts/],
    ['an ID with a leading zero', { upserts: [row('007', 1)] }, /commit\.upserts\[0\]\.id/],
    ['an ID with a sign', { upserts: [row('-5', 1)] }, /commit\.upserts\[0\]\.id/],
    ['a fractional time', { upserts: [row('5', 1.5)] }, /commit\.upserts\[0\]\.updatedAtMs/],
    [
      'a flag that is not a boolean',
      { upserts: [{ id: '5', updatedAtMs: 1, deleted: 1, missing: false }] },
      /commit\.upserts\[0\]\.deleted/,
    ],
    [
      'a change with a bad ID',
      { changes: [{ id: '1e3', kind: 'added', updatedAtMs: 1 }] },
      /commit\.changes\[0\]\.id/,
    ],
  ])('refuses %s with a RangeError naming it', (_label, override, message) => {
    const bad = { ...commitOf([row('1', 1)]), ...override } as unknown as MirrorCommit;
    expect(() => mirror.commit(bad)).toThrow(RangeError);
    expect(() => mirror.commit(bad)).toThrow(message);
    expect(mirror.count()).toBe(0);
    expect(mirror.lastCommit()).toBeNull();
  });

  it('leaves a sound database after many batched commits', () => {
    for (let round = 0; round < 5; round += 1) {
      const upserts = Array.from({ length: 1111 }, (_, i) =>
        row(String(round * 700 + i), round * 10 + i),
      );
      mirror.commit(
        commitOf(
          upserts,
          upserts.map((r) => ({ id: r.id, kind: 'updated', updatedAtMs: r.updatedAtMs })),
          `run-${round}`,
        ),
      );
    }
    expect(mirror.count()).toBe(4 * 700 + 1111);
    expect(mirror.queryUpdates({ order: 'detected-time', limit: 1 }).total).toBe(5 * 1111);
    mirror.close();
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      db.close();
    }
  });
});
