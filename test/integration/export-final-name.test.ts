/**
 * The CSV export writes only where the user chose. Its temporary file never follows a
 * link planted at its name, and the name the app completes with `.csv` is checked by the same
 * rules as the chosen one — plus one more: the save dialog never asked about replacing it.
 */
import {
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bilingual, type LocalizedMessage } from '../../common/i18n/format-message.ts';
import type { ExportCsvResult } from '../../common/ipc/contract.ts';
import { exportUpdatesCsv } from '../../main/desktop/ipc/export-updates.ts';
import { openStores } from '../../main/compose/open-stores.ts';
import type { UpdateRow } from '../../main/core/ports/contact-mirror.ts';
import { writeUpdatesCsv } from '../../main/core/export/updates-csv.ts';
import { exportInProcess, exportInWorker } from '../../main/sync-worker/worker-export.ts';

/** The random part of the next temporary name, when a test wants to plant something there. */
const predicted: { next: Buffer | null } = { next: null };
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const randomBytes = ((size: number) => {
    const forced = predicted.next;
    predicted.next = null;
    return forced ?? real.randomBytes(size);
  }) as typeof real.randomBytes;
  return { ...real, default: { ...real, randomBytes }, randomBytes };
});

let root: string;
let dataDir: string;
let victim: string;
const VICTIM = 'the user’s private notes';
const row: UpdateRow = {
  seq: 1,
  id: '42',
  kind: 'added',
  updatedAtMs: 0,
  detectedAtMs: 0,
  runId: 'r1',
};
const oneRow = (visit: (row: UpdateRow) => void) => visit(row);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'amoot-export-name-'));
  dataDir = path.join(root, 'data');
  openStores({ dir: dataDir }).close();
  victim = path.join(root, 'victim.txt');
  writeFileSync(victim, VICTIM);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The window's Export CSV, with the save dialog answering `chosen`. */
function exportAs(chosen: string): Promise<ExportCsvResult> {
  return exportUpdatesCsv(
    { order: 'detected-time' },
    {
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: chosen }),
      writeCsv: exportInProcess(
        {
          forEachUpdate: (_filter, visit) => {
            visit(row);
            return 1;
          },
        },
        dataDir,
      ),
      folder: () => root,
      language: () => 'en',
      now: () => Date.now(),
      log: quiet,
    },
  );
}

/** A refusal as the window shows it: the key, and words in both languages naming the file. */
function refusal(result: ExportCsvResult): LocalizedMessage {
  expect(result.ok).toBe(false);
  const message = (result as { message: LocalizedMessage }).message;
  const { en, fa } = bilingual(message);
  expect(en).toContain(String(message.params?.['path']));
  expect(fa).toMatch(/[\u0600-\u06FF]/);
  expect(fa).not.toContain('{');
  return message;
}

describe('the temporary file of an export', () => {
  it('is never opened through a link planted at its name: another name is used', () => {
    const out = path.join(root, 'planted.csv');
    const random = Buffer.from('00112233aabb', 'hex');
    symlinkSync(victim, path.join(root, `.planted.csv.${random.toString('hex')}.partial`));
    predicted.next = random;
    expect(writeUpdatesCsv(out, oneRow)).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
    expect(readFileSync(out, 'utf8')).toContain('42,added');
    // The plant is left where it was; no temporary file of the export is.
    expect(readdirSync(root).filter((name) => name.startsWith('.planted'))).toHaveLength(1);
  });
});

describe('the name the app completes with .csv', () => {
  it('is written when it is new', async () => {
    const result = await exportAs(path.join(root, 'fresh'));
    expect(result).toEqual({ ok: true, path: path.join(root, 'fresh.csv') });
    expect(readFileSync(path.join(root, 'fresh.csv'), 'utf8')).toContain('42,added');
  });

  it('is refused when it exists, since the dialog never asked about replacing it', async () => {
    const twin = path.join(root, 'report.csv');
    writeFileSync(twin, 'last month’s report');
    const message = refusal(await exportAs(path.join(root, 'report')));
    expect(message).toEqual({ key: 'export.target.exists', params: { path: twin } });
    expect(bilingual(message).en).toMatch(/full name \(with \.csv\)/);
    expect(readFileSync(twin, 'utf8')).toBe('last month’s report');
    // Chosen by its full name, the dialog asked, and it is replaced.
    expect(await exportAs(twin)).toEqual({ ok: true, path: twin });
    expect(readFileSync(twin, 'utf8')).toContain('42,added');
  });

  it('is refused when it is a link, saying so, and the file it points at is untouched', async () => {
    const twin = path.join(root, 'linked.csv');
    symlinkSync(victim, twin);
    const message = refusal(await exportAs(path.join(root, 'linked')));
    expect(message).toEqual({ key: 'export.target.not-file', params: { path: twin } });
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
  });

  it('is refused when it is the live database under another name', async () => {
    const twin = path.join(root, 'mirror-copy.csv');
    const database = path.join(dataDir, 'mirror.sqlite');
    linkSync(database, twin);
    const before = readFileSync(database).toString('base64');
    const message = refusal(await exportAs(path.join(root, 'mirror-copy')));
    expect(message).toEqual({ key: 'export.target.data-file', params: { path: twin } });
    expect(readFileSync(database).toString('base64')).toBe(before);
  });

  it('is refused in main before a sync process is started for it', async () => {
    const twin = path.join(root, 'worker.csv');
    writeFileSync(twin, 'kept');
    let launched = 0;
    const write = exportInWorker(() => {
      launched += 1;
      throw new Error('no sync process in this test');
    }, dataDir);
    await expect(write(twin, { order: 'detected-time' }, { mustBeNew: true })).rejects.toThrow(
      /export\.target\.exists/,
    );
    expect(launched).toBe(0);
    expect(readFileSync(twin, 'utf8')).toBe('kept');
  });
});
