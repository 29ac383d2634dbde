import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExportTarget, ExportTargetError } from '../../main/core/export/export-target.ts';
import { writeUpdatesCsv } from '../../main/core/export/updates-csv.ts';
import { startSimulator, type Simulator } from '../simulator/index.ts';
import { cliInProcess } from '../support/cli-run.ts';

const TOKEN = 'cli-export-token-5d1a';
let sim: Simulator;
let root: string;
let dataDir: string;

const exportTo = (out: string) => cliInProcess(['export', '--data-dir', dataDir, '--out', out]);
const snapshot = (file: string) => readFileSync(file).toString('base64');

beforeAll(async () => {
  sim = await startSimulator({ contacts: 300, seed: 9, tokens: { [TOKEN]: 'valid' } });
  root = mkdtempSync(path.join(tmpdir(), 'amoot-cli-export-'));
  dataDir = path.join(root, 'data');
  const args = ['sync', '--data-dir', dataDir, '--base-url', sim.baseUrl, '--group', '0'];
  expect((await cliInProcess(args, { AMOOT_TOKEN: TOKEN })).code).toBe(0);
  sim.update(12);
  expect((await cliInProcess(['sync', '--data-dir', dataDir], { AMOOT_TOKEN: TOKEN })).code).toBe(
    0,
  );
});
afterAll(async () => {
  await sim.close();
  rmSync(root, { recursive: true, force: true });
});

/** The refusal a user reads: one JSON failure, exit 1, naming the data folder in both languages. */
function expectRefused(
  result: Awaited<ReturnType<typeof exportTo>>,
  key: 'data-file' | 'not-file',
) {
  expect(result.code).toBe(1);
  const failure = result.json as { ok: boolean; kind: string; message: { en: string; fa: string } };
  expect(failure).toMatchObject({ ok: false, kind: 'input', status: null });
  expect(failure.message.en).toMatch(
    key === 'data-file' ? /data folder's own files/ : /not a regular file/,
  );
  expect(failure.message.fa).toMatch(/[\u0600-\u06FF]/);
}

describe('cli export never writes over what it must not', () => {
  it.each(['mirror.sqlite', 'history.json', 'settings.json'])(
    'refuses the data folder’s own %s and leaves it as it was',
    async (name) => {
      const file = path.join(dataDir, name);
      const before = snapshot(file);
      expectRefused(await exportTo(file), 'data-file');
      expect(snapshot(file)).toBe(before);
    },
  );

  it('refuses the stores reached through a symlinked folder, `..` or another case', async () => {
    const link = path.join(root, 'link-to-data');
    symlinkSync(dataDir, link);
    const before = snapshot(path.join(dataDir, 'mirror.sqlite'));
    expectRefused(await exportTo(path.join(link, 'mirror.sqlite')), 'data-file');
    expectRefused(await exportTo(path.join(dataDir, '..', 'data', 'history.json')), 'data-file');
    expectRefused(await exportTo(path.join(link, 'sub', '..', 'settings.json')), 'data-file');
    expectRefused(await exportTo(path.join(dataDir, 'MIRROR.sqlite')), 'data-file');
    expect(snapshot(path.join(dataDir, 'mirror.sqlite'))).toBe(before);
  });

  it.each([
    'mirror.sqlite-wal',
    'mirror.sqlite-shm',
    'history.json.corrupt-1700000000000',
    'sync.lock',
  ])('refuses the side file %s of the stores, present or not', async (name) => {
    expectRefused(await exportTo(path.join(dataDir, name)), 'data-file');
  });

  // Never exported to for real: on a build without the check that would replace the device.
  it('refuses a device, checking without writing', () => {
    expect(() => checkExportTarget('/dev/null')).toThrow(ExportTargetError);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a socket and leaves it a socket', async () => {
    const file = path.join(root, 'socket.csv');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(file, resolve));
    try {
      expectRefused(await exportTo(file), 'not-file');
      expect(lstatSync(file).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a FIFO, a folder and a symbolic link, and leaves each as it was', async () => {
    const fifo = path.join(root, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    try {
      expectRefused(await exportTo(fifo), 'not-file');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      rmSync(fifo); // a FIFO left behind would hang the run's token scan
    }
    const folder = path.join(root, 'folder.csv');
    mkdirSync(folder);
    expectRefused(await exportTo(folder), 'not-file');
    expect(statSync(folder).isDirectory()).toBe(true);

    const real = path.join(root, 'real.csv');
    writeFileSync(real, 'keep me');
    const link = path.join(root, 'link.csv');
    symlinkSync(real, link);
    expectRefused(await exportTo(link), 'not-file');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('keep me');
  });

  it('writes a new file, replaces a regular CSV the user names, and leaves no temporary file', async () => {
    const out = path.join(root, 'out', 'updates.csv');
    mkdirSync(path.dirname(out));
    const first = await exportTo(out);
    expect(first.json).toMatchObject({ ok: true, path: out, rows: 12 });
    writeFileSync(out, 'old export');
    expect((await exportTo(out)).json).toMatchObject({ ok: true, rows: 12 });
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeffcontact_id,/);
    // A CSV beside the stores is the user's own file, not one of theirs.
    expect((await exportTo(path.join(dataDir, 'updates.csv'))).json).toMatchObject({ ok: true });
    expect(readdirSync(path.dirname(out))).toEqual(['updates.csv']);
  });

  it('keeps the old file whole when an export fails half-way, and never reuses a temporary name', () => {
    const out = path.join(root, 'half', 'updates.csv');
    mkdirSync(path.dirname(out));
    writeFileSync(out, 'previous export');
    // The old fixed temporary name: a file of the user's that must not be overwritten.
    writeFileSync(`${out}.partial`, 'the user’s own file');
    expect(() =>
      writeUpdatesCsv(out, (visit) => {
        visit({ seq: 1, id: '1', kind: 'added', updatedAtMs: 0, detectedAtMs: 0, runId: 'r' });
        throw new Error('disk gone');
      }),
    ).toThrow('disk gone');
    expect(readFileSync(out, 'utf8')).toBe('previous export');
    expect(readFileSync(`${out}.partial`, 'utf8')).toBe('the user’s own file');
    expect(readdirSync(path.dirname(out)).sort()).toEqual(['updates.csv', 'updates.csv.partial']);
  });
});

describe("the app's Export CSV", () => {
  it('refuses the data folder’s own files the save dialog lets a user pick, and keeps them whole', async () => {
    const { exportInProcess } = await import('../../main/sync-worker/worker-export.ts');
    const { openStoresReadOnly } = await import('../../main/compose/open-stores.ts');
    const stores = openStoresReadOnly(dataDir);
    try {
      const write = exportInProcess(stores.mirror, dataDir);
      for (const name of ['mirror.sqlite', 'history.json', 'writer.lock']) {
        const file = path.join(dataDir, name);
        const before = snapshot(file);
        await expect(write(file, { kinds: [], order: 'detected-time' })).rejects.toBeInstanceOf(
          ExportTargetError,
        );
        expect(snapshot(file)).toBe(before);
      }
      const csv = path.join(root, 'app-export.csv');
      expect(await write(csv, { kinds: [], order: 'detected-time' })).toBe(12);

      // Through the window's path: the save dialog answers with the live database.
      const { exportUpdatesCsv } = await import('../../main/desktop/ipc/export-updates.ts');
      const mirrorFile = path.join(dataDir, 'mirror.sqlite');
      const before = snapshot(mirrorFile);
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const answer = await exportUpdatesCsv(
        { order: 'detected-time' },
        {
          showSaveDialog: () => Promise.resolve({ canceled: false, filePath: mirrorFile }),
          writeCsv: write,
          folder: () => root,
          language: () => 'en',
          now: () => Date.now(),
          log: quiet as never,
        },
      );
      expect(answer).toMatchObject({ ok: false, message: { key: 'export.target.data-file' } });
      expect(snapshot(mirrorFile)).toBe(before);

      // The sync process is not even started for a refused target.
      const { exportInWorker } = await import('../../main/sync-worker/worker-export.ts');
      let launched = 0;
      const inWorker = exportInWorker(() => {
        launched += 1;
        throw new Error('no sync process in this test');
      }, dataDir);
      await expect(inWorker(mirrorFile, { order: 'detected-time' })).rejects.toBeInstanceOf(
        ExportTargetError,
      );
      expect(launched).toBe(0);
    } finally {
      stores.close();
    }
  });
});
