import path from 'node:path';
import { dataFolderAt } from '../core/ports/data-folder.ts';
import { checkExportTarget } from '../core/export/export-target.ts';
import { writeUpdatesCsv } from '../core/export/updates-csv.ts';
import { CliUsageError } from './cli-failure.ts';
import { readDataDir } from './data-dir-stores.ts';
import { writeAll } from './json-output.ts';
import { parseCommandOptions, required } from './options.ts';
import type { CliContext } from './run-cli.ts';
import { checkKind } from './updates-command.ts';

export const EXPORT_USAGE =
  'npm run --silent cli -- export --data-dir DIR --out FILE.csv [--kind K] [--verbose]';

/** `export`: the change log as CSV (UTF-8 with BOM, for Excel), newest first. */
export async function exportCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      kind: { type: 'string' },
      verbose: { type: 'boolean' },
    },
    'export',
  );
  const dataDir = required(options['data-dir'], '--data-dir');
  const out = path.resolve(required(options.out, '--out'));
  const kinds = options.kind === undefined ? [] : [checkKind(options.kind)];
  const dataFolder = dataFolderAt(dataDir);
  // Refused before the stores are even opened: a wrong --out costs nothing.
  checkExportTarget(out, dataFolder);
  return readDataDir(dataDir, context, async ({ mirror }) => {
    let rows: number;
    try {
      rows = writeUpdatesCsv(
        out,
        (visit) => mirror.forEachUpdate({ order: 'detected-time', kinds }, visit),
        dataFolder,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === undefined) throw error;
      throw new CliUsageError({ key: 'cli.export-failed', params: { path: out } });
    }
    await writeAll(context.stdout, `${JSON.stringify({ ok: true, path: out, rows })}\n`);
    return 0;
  });
}
