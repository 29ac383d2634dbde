import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// SQLite as Node bundles it: an inspector independent of the adapter's better-sqlite3.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type ChangeKind } from '../../common/sync-types.ts';
import { openContactMirror } from '../../main/adapters/sqlite/sqlite-contact-mirror.ts';
import type {
  ContactMirror,
  MirrorChange,
  UpdateRow,
} from '../../main/core/ports/contact-mirror.ts';

const DAY = 86_400_000;
const NOW = 1_780_000_000_000;

let dir: string;
let file: string;
let mirror: ContactMirror;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-mirror-retention-'));
  file = path.join(dir, 'mirror.db');
  mirror = openContactMirror({ file }).mirror;
});
afterEach(() => {
  mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One commit per day for `days` days before NOW, each with `perDay` changes of rotating kinds. */
function fillLog(days: number, perDay: number): void {
  for (let day = days; day >= 1; day -= 1) {
    const changes: MirrorChange[] = Array.from({ length: perDay }, (_, i) => ({
      id: String(day * 1000 + i),
      kind: CHANGE_KINDS[(day + i) % CHANGE_KINDS.length] as ChangeKind,
      updatedAtMs: NOW - day * DAY,
    }));
    mirror.commit({
      runId: `day-${day}`,
      detectedAtMs: NOW - day * DAY + 1,
      upserts: [],
      changes,
      answerFingerprint: `fp-${day}`,
      received: 0,
    });
  }
}

function everything(): UpdateRow[] {
  const rows: UpdateRow[] = [];
  const { total } = mirror.queryUpdates({ order: 'detected-time', limit: 1 });
  for (let offset = 0; offset < total; offset += 1000) {
    rows.push(...mirror.queryUpdates({ order: 'detected-time', limit: 1000, offset }).rows);
  }
  return rows;
}

/**
 * The counters behind the unfiltered and the windowed totals must agree with the rows that are
 * really there, for every window edge (one per sync).
 */
function expectTotalsToMatchRows(): void {
  const rows = everything();
  const perKind = (kept: readonly UpdateRow[]) =>
    Object.fromEntries(
      CHANGE_KINDS.map((kind) => [kind, kept.filter((row) => row.kind === kind).length]),
    );
  const unfiltered = mirror.queryUpdates({ order: 'detected-time', limit: 1 });
  expect(unfiltered.total).toBe(rows.length);
  expect(unfiltered.totalsByKind).toEqual(perKind(rows));
  for (const since of new Set([0, ...rows.map((row) => row.detectedAtMs)])) {
    const windowed = mirror.queryUpdates({
      order: 'detected-time',
      limit: 1,
      detectedSinceMs: since,
    });
    expect(windowed.totalsByKind).toEqual(perKind(rows.filter((row) => row.detectedAtMs >= since)));
  }
}

describe('applyRetention', () => {
  it('removes entries detected before the age limit and keeps the counters right', () => {
    fillLog(10, 30);
    const removed = mirror.applyRetention({ maxAgeDays: 4.5, maxRows: 1_000_000 }, NOW);
    expect(removed).toBe(6 * 30);
    const rows = everything();
    expect(rows).toHaveLength(4 * 30);
    expect(Math.min(...rows.map((row) => row.detectedAtMs))).toBeGreaterThanOrEqual(
      NOW - 4.5 * DAY,
    );
    expectTotalsToMatchRows();
  });

  it('removes the oldest entries beyond the row limit', () => {
    fillLog(5, 30);
    const before = everything();
    const removed = mirror.applyRetention({ maxAgeDays: 365, maxRows: 100 }, NOW);
    expect(removed).toBe(50);
    const oldestKept = [...before].sort((a, b) => a.seq - b.seq).slice(50);
    expect(everything()).toEqual(before.filter((row) => oldestKept.includes(row)));
    expectTotalsToMatchRows();
  });

  it('applies both limits and reports the sum', () => {
    fillLog(10, 20);
    expect(mirror.applyRetention({ maxAgeDays: 7.5, maxRows: 50 }, NOW)).toBe(3 * 20 + 90);
    expect(everything()).toHaveLength(50);
    expectTotalsToMatchRows();
  });

  it('removes nothing, and says so, when the log is within the policy', () => {
    fillLog(3, 10);
    const before = everything();
    expect(mirror.applyRetention({ maxAgeDays: 30, maxRows: 30 }, NOW)).toBe(0);
    expect(everything()).toEqual(before);
  });

  it('keeps run IDs for the entries that stay and drops runs nothing refers to', () => {
    fillLog(6, 10);
    mirror.applyRetention({ maxAgeDays: 3.5, maxRows: 1000 }, NOW);
    expect(new Set(everything().map((row) => row.runId))).toEqual(
      new Set(['day-1', 'day-2', 'day-3']),
    );
    mirror.close();
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      expect(db.prepare('SELECT count(*) AS runs FROM runs').get()).toEqual({ runs: 3 });
    } finally {
      db.close();
    }
    mirror = openContactMirror({ file }).mirror;
  });

  it('never reuses a position, even after the whole log went', () => {
    fillLog(2, 10);
    const highest = Math.max(...everything().map((row) => row.seq));
    expect(mirror.applyRetention({ maxAgeDays: 0, maxRows: 0 }, NOW)).toBe(20);
    expect(mirror.queryUpdates({ order: 'detected-time', limit: 10 })).toEqual({
      rows: [],
      total: 0,
      totalsByKind: { added: 0, updated: 0, deleted: 0, restored: 0, missing: 0 },
    });
    mirror.commit({
      runId: 'later',
      detectedAtMs: NOW,
      upserts: [],
      changes: [{ id: '5', kind: 'added', updatedAtMs: NOW }],
      answerFingerprint: 'fp',
      received: 1,
    });
    const [latest] = mirror.queryUpdates({ order: 'detected-time', limit: 1 }).rows;
    expect(latest?.seq).toBeGreaterThan(highest);
  });

  it.each([
    ['a negative age', { maxAgeDays: -1, maxRows: 10 }, NOW, /policy\.maxAgeDays/],
    ['a fractional row limit', { maxAgeDays: 1, maxRows: 1.5 }, NOW, /policy\.maxRows/],
    ['a time that is not a number', { maxAgeDays: 1, maxRows: 10 }, Number.NaN, /nowMs/],
  ])('refuses %s with a RangeError naming it', (_label, policy, nowMs, message) => {
    fillLog(1, 3);
    expect(() => mirror.applyRetention(policy, nowMs)).toThrow(message);
    expect(everything()).toHaveLength(3);
  });
});
