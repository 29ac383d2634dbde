import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { UpdateRow } from '../ports/contact-mirror.ts';
import { checkExportTarget, type DataFolder, type ExportTargetOptions } from './export-target.ts';

/** Excel opens a UTF-8 CSV correctly only when it starts with a byte-order mark. */
const BOM = '\ufeff';
const HEADER = ['contact_id', 'change', 'server_updated_at_utc', 'detected_at_utc', 'sync_run'];

/**
 * One CSV line (CRLF, as Excel writes). Excel keeps only 15 significant digits of a number, so a
 * longer ID is written as a text formula (`="9223372036854775807"`) that it shows exactly; shorter
 * IDs stay plain numbers that every tool reads.
 */
export function csvLine(row: UpdateRow): string {
  const id = row.id.length > 15 ? `="${row.id}"` : row.id;
  const cells = [
    id,
    row.kind,
    new Date(row.updatedAtMs).toISOString(),
    new Date(row.detectedAtMs).toISOString(),
    row.runId,
  ];
  return `${cells.map(quoteCell).join(',')}\r\n`;
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Writes the rows `forEachRow` produces to `file`, through a temporary file renamed at the end, so
 * a failed or interrupted export never leaves half a file where a complete one was. The target is
 * checked first (`checkExportTarget`: never a store of `dataFolder`, never a device, pipe or link),
 * and the temporary file is a new one (`wx`, which never follows a link planted at its name)
 * beside it, so the export replaces nothing but what it renames onto at the very end. Writes are
 * synchronous in batches: the rows come from a synchronous SQLite cursor, and memory stays flat
 * however many there are. Returns the number of rows written.
 */
export function writeUpdatesCsv(
  file: string,
  forEachRow: (visit: (row: UpdateRow) => void) => void,
  dataFolder?: DataFolder,
  options?: ExportTargetOptions,
): number {
  checkExportTarget(file, dataFolder, options);
  const target = path.resolve(file);
  const { partial, fd } = openPartial(target);
  let rows = 0;
  let batch: string[] = [`${BOM}${HEADER.join(',')}\r\n`];
  const flush = () => {
    writeSync(fd, batch.join(''));
    batch = [];
  };
  try {
    forEachRow((row) => {
      batch.push(csvLine(row));
      rows++;
      if (batch.length >= 5000) flush();
    });
    flush();
    closeSync(fd);
    renameSync(partial, target);
    return rows;
  } catch (error) {
    closeQuietly(fd);
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Names tried before giving up: one taken name is chance or a plant, several are an attack. */
const PARTIAL_ATTEMPTS = 8;

/**
 * A new, owner-only temporary file beside `target`. A taken name (a file, or a link planted
 * there to make the export write through it) is never opened: another random name is tried.
 */
function openPartial(target: string): { partial: string; fd: number } {
  for (let attempt = 1; ; attempt += 1) {
    const partial = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
    );
    try {
      return { partial, fd: openSync(partial, 'wx', 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= PARTIAL_ATTEMPTS) {
        throw error;
      }
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed after a failed rename; the partial file is removed next either way.
  }
}
