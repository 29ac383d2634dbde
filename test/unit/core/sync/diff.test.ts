import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactUpdate } from '../../../../common/amoot-types.ts';
import { diffAgainstMirror } from '../../../../main/core/sync/diff.ts';
import { MemoryMirror } from '../../../support/memory-mirror.ts';

const T = Date.parse('2025-10-20T10:00:00Z');
const rec = (id: string, updatedAtMs = T, deleted = false): ContactUpdate => ({
  id,
  updatedAtMs,
  deleted,
});

function mirrorWith(
  rows: { id: string; updatedAtMs?: number; deleted?: boolean; missing?: boolean }[],
) {
  const mirror = new MemoryMirror();
  for (const row of rows) {
    mirror.rows.set(row.id, {
      id: row.id,
      updatedAtMs: row.updatedAtMs ?? T,
      deleted: row.deleted ?? false,
      missing: row.missing ?? false,
    });
  }
  return mirror;
}

describe('diffAgainstMirror', () => {
  it('fills an empty mirror as a baseline, with no per-contact change', () => {
    const diff = diffAgainstMirror([rec('1'), rec('2', T, true)], new MemoryMirror());
    expect(diff.baseline).toBe(true);
    expect(diff.changes).toEqual([]);
    expect(diff.upserts).toHaveLength(2);
    expect(diff.counts).toMatchObject({ received: 2, added: 2 });
  });

  it('names each kind of change', () => {
    const mirror = mirrorWith([
      { id: 'same' },
      { id: 'moved' },
      { id: 'gone' },
      { id: 'to-delete' },
      { id: 'to-restore', deleted: true },
      { id: 'was-missing', missing: true },
      { id: 'still-missing', missing: true },
    ]);
    const diff = diffAgainstMirror(
      [
        rec('same'),
        rec('moved', T + 1000),
        rec('to-delete', T + 5, true),
        rec('to-restore', T + 6),
        rec('was-missing'),
        rec('new'),
        rec('new-deleted', T, true),
      ],
      mirror,
    );
    const kinds = Object.fromEntries(diff.changes.map((change) => [change.id, change.kind]));
    expect(kinds).toEqual({
      moved: 'updated',
      'to-delete': 'deleted',
      'to-restore': 'restored',
      'was-missing': 'restored',
      new: 'added',
      'new-deleted': 'deleted',
      gone: 'missing',
    });
    expect(diff.counts).toEqual({
      received: 7,
      added: 1,
      updated: 1,
      deleted: 2,
      restored: 2,
      missing: 1,
      unchanged: 1,
    });
    expect(diff.upserts.find((row) => row.id === 'gone')).toEqual({
      id: 'gone',
      updatedAtMs: T,
      deleted: false,
      missing: true,
    });
    mirror.commit({
      runId: 'r',
      detectedAtMs: 0,
      upserts: diff.upserts,
      changes: diff.changes,
      answerFingerprint: 'f',
      received: 7,
    });
    expect(mirror.rows.get('was-missing')?.missing).toBe(false);
    expect(mirror.rows.get('gone')?.missing).toBe(true);
  });

  it('keeps exact 64-bit IDs', () => {
    const big = '9223372036854775807';
    const diff = diffAgainstMirror([rec(big, T + 1)], mirrorWith([{ id: big }]));
    expect(diff.changes).toEqual([{ id: big, kind: 'updated', updatedAtMs: T + 1 }]);
  });

  it('reproduces the answer in the mirror after commit, whatever the sequence of answers', () => {
    const answer = fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 30 }).map(String),
        updatedAtMs: fc.integer({ min: 0, max: 5 }).map((n) => T + n),
        deleted: fc.boolean(),
      }),
      { selector: (r) => r.id },
    );
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 6 }), (answers) => {
        const mirror = new MemoryMirror();
        const everSeen = new Set<string>();
        for (const records of answers) {
          const diff = diffAgainstMirror(records, mirror);
          mirror.commit({
            runId: 'r',
            detectedAtMs: 0,
            upserts: diff.upserts,
            changes: diff.changes,
            answerFingerprint: 'f',
            received: records.length,
          });
          for (const record of records) everSeen.add(record.id);
          const counts = diff.counts;
          expect(
            counts.added + counts.updated + counts.deleted + counts.restored + counts.unchanged,
          ).toBe(diff.baseline ? counts.added : records.length);
          for (const record of records) {
            expect(mirror.rows.get(record.id)).toEqual({ ...record, missing: false });
          }
          for (const id of everSeen) {
            if (!records.some((record) => record.id === id))
              expect(mirror.rows.get(id)?.missing).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
