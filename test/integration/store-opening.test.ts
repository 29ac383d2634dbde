/**
 * Opening a data folder: reading never writes (`history --data-dir /` created
 * `/mirror.sqlite`, a mistyped folder printed `[]`, a damaged mirror was moved aside by a read),
 * and every way opening fails is a `StoreOpenError` with a message key, instead of a raw stack.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilingual } from '../../common/i18n/format-message.ts';
import {
  MIRROR_FILE,
  StoreOpenError,
  openStores,
  openStoresReadOnly,
} from '../../main/compose/open-stores.ts';
import { startedRun } from '../../main/core/sync/run-record.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { runCliProcess } from '../support/cli-process.ts';

const dirs: string[] = [];
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-opening-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** What opening threw, as the cli's envelope and the app read it. */
function openingError(open: () => unknown): StoreOpenError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    const thrown = error as StoreOpenError;
    // Both languages say something, and name the path.
    const { en, fa } = bilingual(thrown.localized);
    expect(en).not.toContain('{');
    expect(fa).not.toContain('{');
    expect(thrown.messageKey).toBe(thrown.localized.key);
    return thrown;
  }
  throw new Error('opening did not fail');
}

/** A folder with one synced-looking store set: settings, a history entry, a mirror. */
function populatedDir(): string {
  const dir = freshDir();
  const stores = openStores({ dir });
  stores.history.begin(startedRun('r1', 'cli', Date.now()));
  stores.close();
  return dir;
}

/** Every file under `dir` with its size and modification time, to show nothing changed. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const stat = fs.statSync(full);
      return `${full} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe('reading never writes', () => {
  it('an absent folder is an error naming it, and is not created', () => {
    const absent = path.join(freshDir(), 'typo');
    const error = openingError(() => openStoresReadOnly(absent));
    expect(error).toMatchObject({
      kind: 'storage',
      messageKey: 'store.folder-missing',
      params: { path: absent },
    });
    expect(fs.existsSync(absent)).toBe(false);
  });

  it('a folder without a mirror (/) is an error, and no mirror.sqlite appears in it', () => {
    const error = openingError(() => openStoresReadOnly('/'));
    expect(error).toMatchObject({ messageKey: 'store.no-mirror', params: { path: '/' } });
    expect(fs.existsSync(path.join('/', MIRROR_FILE))).toBe(false);
  });

  it('reads a folder without changing a byte of it, even while another process writes', () => {
    const dir = populatedDir();
    const writer = openStores({ dir });
    try {
      const before = snapshot(dir);
      const reader = openStoresReadOnly(dir);
      expect(reader.history.list({ limit: 5 }).runs.map((run) => run.id)).toEqual(['r1']);
      expect(reader.mirror.queryUpdates({ order: 'detected-time', limit: 5 }).total).toBe(0);
      reader.close();
      expect(snapshot(dir)).toEqual(before);
    } finally {
      writer.close();
    }
  });

  it('a damaged mirror or history is reported where it lies, never moved aside', () => {
    const dir = populatedDir();
    fs.writeFileSync(path.join(dir, 'history.json'), '{ cut off');
    const opened = openStoresReadOnly(dir);
    expect(opened.messages).toEqual([
      { key: 'store.damaged', params: { path: path.join(dir, 'history.json') } },
    ]);
    opened.close();
    fs.writeFileSync(path.join(dir, MIRROR_FILE), 'not a database at all, just text '.repeat(200));
    const before = snapshot(dir);
    const error = openingError(() => openStoresReadOnly(dir));
    expect(error).toMatchObject({
      messageKey: 'store.damaged',
      params: { path: path.join(dir, MIRROR_FILE) },
    });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('opening errors are classified', () => {
  it('a data folder that is a file, or lies under one', () => {
    const file = path.join(freshDir(), 'plain-file');
    fs.writeFileSync(file, 'x');
    expect(openingError(() => openStores({ dir: file }))).toMatchObject({
      kind: 'storage',
      messageKey: 'store.not-a-folder',
      params: { path: file },
    });
    expect(openingError(() => openStores({ dir: path.join(file, 'data') }))).toMatchObject({
      messageKey: 'store.not-a-folder',
    });
    expect(openingError(() => openStoresReadOnly(file)).messageKey).toBe('store.not-a-folder');
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('settings.json or history.json that is a folder', () => {
    for (const name of ['settings.json', 'history.json']) {
      const dir = freshDir();
      fs.mkdirSync(path.join(dir, name));
      const error = openingError(() => openStores({ dir }));
      expect(error).toMatchObject({
        messageKey: 'store.file-is-folder',
        params: { path: path.join(dir, name) },
      });
      expect(fs.statSync(path.join(dir, name)).isDirectory()).toBe(true);
    }
  });
});

/** A small tmpfs (or a read-only one), where this machine allows mounting; under CI it must. */
function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-mount-probe-'));
const canMount = tryMount(probeDir, 'size=64k');
if (canMount) execFileSync('umount', [probeDir]);
fs.rmdirSync(probeDir);
const mustMount = process.env['CI'] === 'true';

describe.skipIf(!canMount && !mustMount)('a read-only disk (tmpfs mounted read-only)', () => {
  let mountPoint: string;
  beforeAll(() => {
    mountPoint = freshDir();
    expect(tryMount(mountPoint, 'size=1m')).toBe(true);
    const stores = openStores({ dir: mountPoint });
    stores.close();
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
  });
  afterAll(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  it('opening to write says the folder cannot be written, naming it', () => {
    const inside = path.join(mountPoint, 'new-folder');
    expect(openingError(() => openStores({ dir: inside }))).toMatchObject({
      kind: 'storage',
      messageKey: 'store.no-access',
      params: { path: inside },
    });
    expect(openingError(() => openStores({ dir: mountPoint }))).toMatchObject({
      kind: 'storage',
      messageKey: 'store.no-access',
    });
  });
});

const cli = runCliProcess;

describe.skipIf(!canMount && !mustMount)('a full disk (2 MB tmpfs, 100 000 contacts)', () => {
  const token = 'disk-full-token-0b9e';
  let mountPoint: string;
  let sim: Simulator;
  beforeAll(async () => {
    mountPoint = freshDir();
    expect(tryMount(mountPoint, 'size=2m')).toBe(true);
    sim = await startSimulator({ contacts: 100_000, seed: 2, tokens: { [token]: 'valid' } });
  });
  afterAll(async () => {
    await sim?.close();
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  it('the baseline fails as "disk full" with advice, never ok:true, and the stores stay readable', async () => {
    const env = { AMOOT_TOKEN: token };
    const sync = await cli(['sync', '--data-dir', mountPoint, '--base-url', sim.baseUrl], env);
    expect(sync.code, sync.stdout + sync.stderr).toBe(1);
    const failure = JSON.parse(sync.stdout) as {
      ok: boolean;
      kind: string;
      message: { en: string; fa: string };
    };
    expect(failure).toMatchObject({ ok: false, kind: 'storage' });
    expect(failure.message.en).toContain('full');
    expect(failure.message.fa).not.toBe('');
    // Every command still answers with JSON, not a stack.
    const history = await cli(['history', '--data-dir', mountPoint], env);
    expect(history.code, history.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(history.stdout))).toBe(true);
    const updates = await cli(['updates', '--data-dir', mountPoint], env);
    expect(updates.code, updates.stderr).toBe(0);
    const again = await cli(['sync', '--data-dir', mountPoint], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, kind: 'storage' });
  }, 120_000);
});
