import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// SQLite as Node bundles it: another program's database, and a hand that damages ours.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContactMirror } from '../../main/adapters/sqlite/sqlite-contact-mirror.ts';
import type { ContactMirror } from '../../main/core/ports/contact-mirror.ts';

const AT = Date.UTC(2026, 10, 27, 5, 45, 0);
const STAMP = '20261127T054500Z';

let dir: string;
let file: string;
const open: ContactMirror[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-mirror-recovery-'));
  file = path.join(dir, 'mirror.db');
});
afterEach(() => {
  for (const mirror of open.splice(0)) mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openAt() {
  const opened = openContactMirror({ file, now: () => AT });
  open.push(opened.mirror);
  return opened;
}

/** A real mirror of a few hundred pages, closed, so its bytes can be damaged. */
function realMirror(): void {
  const { mirror } = openContactMirror({ file });
  const upserts = Array.from({ length: 20_000 }, (_, i) => ({
    id: String(1_000_000 + i * 37),
    updatedAtMs: 1_700_000_000_000 + i,
    deleted: false,
    missing: false,
  }));
  mirror.commit({
    runId: 'run',
    detectedAtMs: 1_760_000_000_000,
    upserts,
    changes: upserts.map((row) => ({ id: row.id, kind: 'added', updatedAtMs: row.updatedAtMs })),
    answerFingerprint: 'fp',
    received: upserts.length,
  });
  mirror.close();
  expect(fs.statSync(file).size).toBeGreaterThan(100 * 4096);
}

/** The damaged bytes were kept under the new name, and a working, empty mirror took the old one. */
function expectMovedAside(original: Buffer, reason: RegExp): void {
  const { mirror, recovery } = openAt();
  expect(recovery).toEqual({
    store: 'mirror',
    movedTo: `${file}.corrupt-${STAMP}`,
    reason: expect.stringMatching(reason),
    atMs: AT,
  });
  expect(fs.readFileSync(`${file}.corrupt-${STAMP}`).equals(original)).toBe(true);
  expect(mirror.count()).toBe(0);
  expect(mirror.lastCommit()).toBeNull();
  mirror.commit({
    runId: 'fresh',
    detectedAtMs: AT,
    upserts: [{ id: '1', updatedAtMs: 1, deleted: false, missing: false }],
    changes: [],
    answerFingerprint: 'fp',
    received: 1,
  });
  expect(mirror.count()).toBe(1);
}

describe('a damaged mirror file', () => {
  it('of random bytes is moved aside and a fresh mirror started', () => {
    const garbage = crypto.randomBytes(3 * 4096);
    fs.writeFileSync(file, garbage);
    expectMovedAside(garbage, /SQLITE_NOTADB/);
  });

  it('that is a text file is moved aside', () => {
    const text = Buffer.from('ID,UpdateDateTime\n12345678,2025-10-20T13:11:03.35\n');
    fs.writeFileSync(file, text);
    expectMovedAside(text, /SQLITE_NOTADB/);
  });

  it('shorter than a database header is moved aside', () => {
    const stub = Buffer.from('SQLite format 3');
    fs.writeFileSync(file, stub);
    expectMovedAside(stub, /SQLITE_NOTADB/);
  });

  it('cut off half-way is moved aside', () => {
    realMirror();
    const whole = fs.readFileSync(file);
    const half = whole.subarray(0, Math.floor(whole.length / 4096 / 2) * 4096);
    fs.writeFileSync(file, half);
    expectMovedAside(half, /quick_check|SQLITE_CORRUPT/);
  });

  it('with a damaged page deep inside is found by quick_check and moved aside', () => {
    realMirror();
    const bytes = fs.readFileSync(file);
    const pages = bytes.length / 4096;
    for (const page of [Math.floor(pages / 3), Math.floor(pages / 2)]) {
      bytes.fill(0xa5, page * 4096, page * 4096 + 4096);
    }
    fs.writeFileSync(file, bytes);
    expectMovedAside(bytes, /quick_check|SQLITE_CORRUPT/);
  });

  it("that is another program's SQLite database is moved aside, not adopted", () => {
    const foreign = new DatabaseSync(file);
    foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    foreign.close();
    const bytes = fs.readFileSync(file);
    expectMovedAside(bytes, /another program/);
  });

  it('of ours with a table missing is moved aside', () => {
    realMirror();
    const db = new DatabaseSync(file);
    db.exec('DROP TABLE change_totals');
    db.close();
    const bytes = fs.readFileSync(file);
    expectMovedAside(bytes, /change_totals/);
  });

  it('takes its WAL (bytes unchanged) and shared-memory files along, under the same new name', () => {
    const garbage = crypto.randomBytes(4096);
    fs.writeFileSync(file, garbage);
    fs.writeFileSync(`${file}-wal`, 'wal bytes');
    fs.writeFileSync(`${file}-shm`, 'shm bytes');
    expectMovedAside(garbage, /SQLITE_NOTADB/);
    expect(fs.readFileSync(`${file}.corrupt-${STAMP}-wal`, 'utf8')).toBe('wal bytes');
    // The -shm file is only an index SQLite rebuilds from the WAL, and opening may rewrite it.
    expect(fs.existsSync(`${file}.corrupt-${STAMP}-shm`)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        'mirror.db',
        'mirror.db-shm',
        'mirror.db-wal',
        ...['', '-shm', '-wal'].map((s) => `mirror.db.corrupt-${STAMP}${s}`),
      ].sort(),
    );
  });

  it('never replaces an earlier damaged file moved aside in the same second', () => {
    fs.writeFileSync(`${file}.corrupt-${STAMP}`, 'the first one');
    fs.writeFileSync(file, 'the second one');
    const { recovery } = openAt();
    expect(recovery?.movedTo).toBe(`${file}.corrupt-${STAMP}-2`);
    expect(fs.readFileSync(`${file}.corrupt-${STAMP}`, 'utf8')).toBe('the first one');
    expect(fs.readFileSync(`${file}.corrupt-${STAMP}-2`, 'utf8')).toBe('the second one');
  });
});
