import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../common/sync-types.ts';
import {
  nodeConfStore,
  openConfDocument,
  type ConfDocumentOptions,
} from '../../main/adapters/conf-store/conf-document.ts';
import { corruptStamp } from '../../main/adapters/conf-store/move-aside.ts';
import { openDataDir } from '../../main/adapters/conf-store/open-data-dir.ts';

const clock = { nowMs: () => Date.UTC(2026, 10, 27, 5, 45, 0), monotonicMs: () => 0 };
const STAMP = '20261127T054500Z';
const TOKEN = 'amoot-token-4f1c9a7e0b';
const posix = process.platform !== 'win32';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conf-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const run: SyncRunRecord = {
  id: 'r1',
  trigger: 'cli',
  startedAtMs: 1,
  durationMs: null,
  attempts: 0,
  outcome: 'running',
  status: null,
  errorKind: null,
  message: null,
  counts: null,
  committed: false,
  warnings: [],
};

const damaged: [name: string, bytes: Buffer][] = [
  ['text that is not JSON', Buffer.from('contactGroupId = 12\n')],
  ['JSON cut short', Buffer.from('{\n\t"contactGroupId": "12",\n\t"syncInter')],
  ['an empty file', Buffer.alloc(0)],
  ['NUL bytes left by a power cut', Buffer.alloc(64)],
  ['a list', Buffer.from('[{"theme": "dark"}]')],
  ['null', Buffer.from('null')],
  ['a bare string', Buffer.from('"dark"')],
  ['a number', Buffer.from('42')],
  ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3])],
];

describe('corruptStamp', () => {
  it('writes UTC to the second without separators', () => {
    expect(corruptStamp(clock.nowMs())).toBe(STAMP);
    expect(corruptStamp(Date.UTC(2027, 0, 2, 3, 4, 5, 999))).toBe('20270102T030405Z');
  });
});

describe.each(['settings', 'history'] as const)('a damaged %s file', (store) => {
  const fileOf = () => path.join(dir, `${store}.json`);

  it.each(damaged)(
    'holding %s is moved aside intact, reported, and a fresh one starts',
    (_name, bytes) => {
      fs.writeFileSync(fileOf(), bytes);
      const stores = openDataDir({ dir, clock });
      const movedTo = `${fileOf()}.corrupt-${STAMP}`;
      expect(stores.recoveries).toEqual([
        { store, movedTo, reason: expect.stringMatching(/^The file /), atMs: clock.nowMs() },
      ]);
      expect(stores.messages).toEqual([{ key: `${store}.recovered`, params: { path: movedTo } }]);
      expect(fs.readFileSync(movedTo).equals(bytes)).toBe(true);
      // The reason goes to the log: it describes the problem without quoting the file.
      expect(stores.recoveries[0]?.reason).not.toContain('contactGroupId');

      // The fresh store works and writes a new file; the moved file is left alone.
      stores.settings.store.update({ theme: 'dark' });
      stores.history.store.begin(run);
      const reopened = openDataDir({ dir, clock });
      expect(reopened.recoveries).toEqual([]);
      expect(reopened.settings.store.get().theme).toBe('dark');
      expect(reopened.history.store.list({ limit: 5 }).runs).toEqual([run]);
      expect(fs.readFileSync(movedTo).equals(bytes)).toBe(true);
    },
  );

  it('gets a unique name when a file was already moved aside in the same second', () => {
    const first = `${fileOf()}.corrupt-${STAMP}`;
    fs.writeFileSync(first, 'older damage');
    fs.writeFileSync(`${first}-2`, 'even more');
    fs.writeFileSync(fileOf(), 'new damage');
    const { recovery } = openConfDocument({ dir, store, clock });
    expect(recovery?.movedTo).toBe(`${first}-3`);
    expect(fs.readFileSync(first, 'utf8')).toBe('older damage');
    expect(fs.readFileSync(`${first}-2`, 'utf8')).toBe('even more');
    expect(fs.readFileSync(`${first}-3`, 'utf8')).toBe('new damage');
  });
});

describe('conf document', () => {
  it('reads a file an editor saved with a byte order mark', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '\uFEFF{"theme": "light"}');
    const stores = openDataDir({ dir, clock });
    expect(stores.recoveries).toEqual([]);
    expect(stores.settings.store.get().theme).toBe('light');
  });

  it('does not take a file it cannot open for a damaged one: nothing is moved', () => {
    fs.mkdirSync(path.join(dir, 'settings.json'));
    expect(() => openConfDocument({ dir, store: 'settings', clock })).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('replaces the file by rename on every write, leaving no temporary file behind', () => {
    const file = path.join(dir, 'settings.json');
    const { store } = openDataDir({ dir, clock }).settings;
    store.update({ theme: 'dark' });
    const firstInode = fs.statSync(file).ino;
    store.update({ theme: 'light' });
    expect(fs.statSync(file).ino).not.toBe(firstInode);
    expect(fs.readdirSync(dir).sort()).toEqual(['settings.json']);
  });

  it.skipIf(!posix)('keeps both files and the folder readable by their owner only', () => {
    const dataDir = path.join(dir, 'data');
    const stores = openDataDir({ dir: dataDir, clock });
    stores.settings.store.update({ theme: 'dark' });
    stores.history.store.begin(run);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'history.json')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix)('tightens a file that was readable by others at the next write', () => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{}', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    openDataDir({ dir, clock }).settings.store.update({ theme: 'dark' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('works with a store class that takes the file name from `name`, as electron-store does', () => {
    // Like electron-store, it ignores `configName` and names the file after `name`.
    class NameOnlyStore extends nodeConfStore {
      constructor(options: ConfDocumentOptions) {
        const { configName: _ignored, ...rest } = options;
        super({ ...rest, configName: rest.name });
      }
    }
    const stores = openDataDir({ dir, clock, Store: NameOnlyStore });
    stores.settings.store.update({ language: 'fa' });
    stores.history.store.begin(run);
    expect(fs.readdirSync(dir).sort()).toEqual(['history.json', 'settings.json']);
  });
});

describe('the token', () => {
  it('never reaches the settings or the history file, whatever is tried', () => {
    const stores = openDataDir({ dir, clock });
    stores.settings.store.apply({ token: TOKEN });
    stores.settings.store.apply({ theme: 'dark', apiToken: TOKEN });
    stores.settings.store.apply({ baseUrl: `https://example.com/rest?token=${TOKEN}#${TOKEN}` });
    stores.history.store.begin({ ...run, token: TOKEN } as SyncRunRecord);
    stores.history.store.finish({
      ...run,
      outcome: 'failed',
      request: { headers: { Authorization: TOKEN } },
    } as unknown as SyncRunRecord);
    for (const name of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, name), 'utf8'), name).not.toContain(TOKEN);
    }
    // An address with a query or fragment is refused whole, not stored without them.
    expect(stores.settings.store.get().baseUrl).toBe('https://portal.amootsms.com/rest');
  });
});
