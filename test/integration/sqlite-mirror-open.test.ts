import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// SQLite as Node bundles it: an inspector independent of the adapter's better-sqlite3.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRows } from '../support/mirror-rows.ts';
import { openContactMirror } from '../../main/adapters/sqlite/sqlite-contact-mirror.ts';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../main/adapters/sqlite/open-database.ts';
import { MirrorTooNewError } from '../../main/adapters/sqlite/store-errors.ts';
import type { ContactMirror, MirrorCommit } from '../../main/core/ports/contact-mirror.ts';

let dir: string;
const open: ContactMirror[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-mirror-open-'));
});
afterEach(() => {
  for (const mirror of open.splice(0)) mirror.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openAt(file: string, now?: () => number) {
  const opened = openContactMirror({ file, now });
  open.push(opened.mirror);
  return opened;
}

function inspect<T>(file: string, read: (db: DatabaseSync) => T, readOnly = true): T {
  const db = new DatabaseSync(file, { readOnly });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function pragma(db: DatabaseSync, name: string): unknown {
  return db.prepare(`PRAGMA ${name}`).get()?.[name];
}

const sampleCommit: MirrorCommit = {
  runId: 'run-1',
  detectedAtMs: 1_760_000_000_000,
  upserts: [
    { id: '42', updatedAtMs: 1_759_000_000_000, deleted: false, missing: false },
    { id: '43', updatedAtMs: 1_759_000_000_500, deleted: true, missing: false },
  ],
  changes: [{ id: '43', kind: 'deleted', updatedAtMs: 1_759_000_000_500 }],
  answerFingerprint: 'sha256:abc',
  received: 2,
};

describe('opening the contact mirror', () => {
  it('creates the folder and a private, current-schema WAL database', () => {
    const file = path.join(dir, 'nested', 'deeper', 'mirror.db');
    const { mirror, recovery } = openAt(file);
    expect(recovery).toBeNull();
    expect(mirror.count()).toBe(0);
    expect(mirror.lastCommit()).toBeNull();
    mirror.commit(sampleCommit);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    }
    mirror.close();
    inspect(file, (db) => {
      expect(pragma(db, 'user_version')).toBe(SCHEMA_VERSION);
      expect(pragma(db, 'application_id')).toBe(APPLICATION_ID);
      expect(pragma(db, 'journal_mode')).toBe('wal');
      expect(pragma(db, 'integrity_check')).toBe('ok');
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all()
        .map((table) => table['name']);
      expect(tables).toEqual(
        expect.arrayContaining(['change_log', 'change_totals', 'contacts', 'last_commit', 'runs']),
      );
    });
    // close() checkpoints: the WAL holds nothing the main file lacks.
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('treats an existing empty file as a new database', () => {
    const file = path.join(dir, 'mirror.db');
    fs.writeFileSync(file, '');
    const { mirror, recovery } = openAt(file);
    expect(recovery).toBeNull();
    mirror.commit(sampleCommit);
    expect(mirror.count()).toBe(2);
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('keeps contacts, the change log and the last commit across a reopen', () => {
    const file = path.join(dir, 'mirror.db');
    const first = openAt(file, () => 1_760_000_000_123).mirror;
    first.commit(sampleCommit);
    const pageBefore = first.queryUpdates({ order: 'detected-time', limit: 10 });
    first.close();

    const { mirror, recovery } = openAt(file);
    expect(recovery).toBeNull();
    const rows: unknown[] = readRows(mirror);
    expect(rows).toEqual(sampleCommit.upserts);
    expect(mirror.lastCommit()).toEqual({
      runId: 'run-1',
      answerFingerprint: 'sha256:abc',
      committedAtMs: 1_760_000_000_123,
      received: 2,
    });
    expect(mirror.queryUpdates({ order: 'detected-time', limit: 10 })).toEqual(pageBefore);
    expect(pageBefore.rows).toHaveLength(1);
  });

  it('keeps commits that were still only in the WAL when the app stopped', () => {
    const file = path.join(dir, 'mirror.db');
    const running = openAt(file).mirror;
    running.commit(sampleCommit);
    // What a crash leaves: the main file and a WAL holding the commit, copied while still open.
    const crashed = path.join(dir, 'crashed.db');
    fs.copyFileSync(file, crashed);
    fs.copyFileSync(`${file}-wal`, `${crashed}-wal`);
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);

    const { mirror, recovery } = openAt(crashed);
    expect(recovery).toBeNull();
    expect(mirror.count()).toBe(2);
    expect(mirror.lastCommit()?.runId).toBe('run-1');
  });

  it('refuses a mirror written by a newer version and leaves its bytes alone', () => {
    const file = path.join(dir, 'mirror.db');
    openAt(file).mirror.close();
    inspect(file, (db) => db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`), false);
    const before = fs.readFileSync(file);

    let thrown: unknown;
    try {
      openContactMirror({ file });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MirrorTooNewError);
    expect((thrown as MirrorTooNewError).fileVersion).toBe(SCHEMA_VERSION + 1);
    expect((thrown as Error).message).toContain('newer version');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('reports a path it cannot open as a database instead of moving anything', () => {
    const file = path.join(dir, 'a-folder.db');
    fs.mkdirSync(file);
    expect(() => openContactMirror({ file })).toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['a-folder.db']);
  });

  it('closes twice without complaint', () => {
    const { mirror } = openAt(path.join(dir, 'mirror.db'));
    mirror.close();
    expect(() => mirror.close()).not.toThrow();
  });
});
