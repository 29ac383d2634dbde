/**
 * A data folder's files are owner-only from the moment the stores open, not from the
 * next write. A `settings.json` left 0644 (an older version, a copy, an unpacked backup) stayed
 * readable by every account on the computer for as long as nothing was saved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openStores, openStoresReadOnly } from '../../main/compose/open-stores.ts';
import { startedRun } from '../../main/core/sync/run-record.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every store file a data folder can hold, and one Chromium file the app's userData holds too. */
const STORE_FILES = [
  'settings.json',
  'history.json',
  'token.enc.json',
  'mirror.sqlite',
  'mirror.sqlite-wal',
  'mirror.sqlite-shm',
  'writer.lock',
  'settings.json.corrupt-20261203T120000Z',
];

/** A synced-looking folder whose files and folder were then opened up to everyone (0644/0755). */
function openedUpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-modes-'));
  dirs.push(dir);
  const stores = openStores({ dir });
  stores.history.begin(startedRun('r1', 'cli', Date.now()));
  stores.close();
  for (const name of STORE_FILES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, '{}');
    fs.chmodSync(file, 0o644);
  }
  fs.writeFileSync(path.join(dir, 'Preferences'), '{}', { mode: 0o644 });
  fs.chmodSync(dir, 0o755);
  return dir;
}

const modeOf = (file: string) => fs.lstatSync(file).mode & 0o777;
const modes = (dir: string) =>
  Object.fromEntries(STORE_FILES.map((name) => [name, modeOf(path.join(dir, name))]));
const ownerOnly = Object.fromEntries(STORE_FILES.map((name) => [name, 0o600]));

describe.skipIf(process.platform === 'win32')('a data folder is owner-only once opened', () => {
  it('opening to write makes every store file 0600 and the folder 0700, before any write', () => {
    const dir = openedUpDir();
    const before = fs.readFileSync(path.join(dir, 'settings.json'), 'utf8');
    const stores = openStores({ dir });
    // Looked at while open: closing the mirror checkpoints and removes its -wal.
    expect(modes(dir)).toEqual(ownerOnly);
    expect(modeOf(dir)).toBe(0o700);
    stores.close();
    // Nothing was rewritten to get there, and a file that is not the app's keeps its mode.
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(modeOf(path.join(dir, 'Preferences'))).toBe(0o644);
  });

  it('a read command (openStoresReadOnly) makes them owner-only too', () => {
    const dir = openedUpDir();
    const reader = openStoresReadOnly(dir);
    expect(reader.history.list({ limit: 5 }).runs.map((run) => run.id)).toEqual(['r1']);
    reader.close();
    expect(modes(dir)).toEqual(ownerOnly);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('a reader changes nothing in a folder that holds no mirror, which is no data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amoot-modes-not-data-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{}', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'settings.json'), 0o644);
    fs.chmodSync(dir, 0o755);
    expect(() => openStoresReadOnly(dir)).toThrow(
      expect.objectContaining({ messageKey: 'store.no-mirror' }),
    );
    expect(modeOf(dir)).toBe(0o755);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o644);
  });

  it('leaves the home folder’s own mode alone when it is the data folder, not its files', () => {
    const dir = openedUpDir();
    vi.spyOn(os, 'homedir').mockReturnValue(dir);
    openStores({ dir }).close();
    expect(modeOf(dir)).toBe(0o755);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o600);
  });

  it('leaves a shared, sticky folder (like /tmp) open when it is the data folder', () => {
    const dir = openedUpDir();
    fs.chmodSync(dir, 0o1777);
    openStores({ dir }).close();
    expect(fs.statSync(dir).mode & 0o7777).toBe(0o1777);
    expect(modeOf(path.join(dir, 'history.json'))).toBe(0o600);
  });

  it('never changes the mode of a file a planted link in the folder points at', () => {
    const dir = openedUpDir();
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-victim.txt`);
    fs.writeFileSync(outside, 'someone else’s', { mode: 0o644 });
    dirs.push(outside);
    fs.rmSync(path.join(dir, 'token.enc.json'));
    fs.symlinkSync(outside, path.join(dir, 'token.enc.json'));
    openStores({ dir }).close();
    expect(modeOf(outside)).toBe(0o644);
  });

  it.each(['EPERM', 'EROFS'])(
    'a reader goes on when the system refuses the chmod (%s: another owner, a read-only disk)',
    (code) => {
      const dir = openedUpDir();
      vi.spyOn(fs, 'chmodSync').mockImplementation((file) => {
        throw Object.assign(new Error(`${code}: operation not permitted, chmod '${file}'`), {
          code,
        });
      });
      const reader = openStoresReadOnly(dir);
      expect(reader.history.list({ limit: 5 }).runs.map((run) => run.id)).toEqual(['r1']);
      reader.close();
      expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o644);
    },
  );

  it('a writer goes on past a file of another owner (EPERM), which keeps its mode', () => {
    const dir = openedUpDir();
    const chmod = fs.chmodSync;
    vi.spyOn(fs, 'chmodSync').mockImplementation((file, mode) => {
      if (String(file).endsWith('history.json')) {
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      }
      chmod(file, mode);
    });
    openStores({ dir }).close();
    expect(modeOf(path.join(dir, 'history.json'))).toBe(0o644);
    expect(modeOf(path.join(dir, 'settings.json'))).toBe(0o600);
  });
});
