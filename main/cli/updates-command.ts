import { CHANGE_KINDS, type ChangeKind } from '../../common/sync-types.ts';
import type { UpdateRow } from '../core/ports/contact-mirror.ts';
import { CliUsageError } from './cli-failure.ts';
import { readDataDir } from './data-dir-stores.ts';
import { writeAll } from './json-output.ts';
import { parseCommandOptions, required, wholeNumber } from './options.ts';
import type { CliContext } from './run-cli.ts';

export const UPDATES_USAGE =
  'npm run --silent cli -- updates --data-dir DIR [--kind K] [--limit N] [--verbose]';
const PAGE = 1000;

/** `updates`: the change log, newest detection first, as a JSON array. */
export async function updatesCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      'data-dir': { type: 'string' },
      kind: { type: 'string' },
      limit: { type: 'string' },
      verbose: { type: 'boolean' },
    },
    'updates',
  );
  const dataDir = required(options['data-dir'], '--data-dir');
  const kinds = options.kind === undefined ? [] : [checkKind(options.kind)];
  const limit = wholeNumber(options.limit, '--limit', { min: 1, max: 100_000, fallback: 100 });

  return readDataDir(dataDir, context, async ({ mirror }) => {
    const rows: UpdateRow[] = [];
    while (rows.length < limit) {
      const page = mirror.queryUpdates({
        order: 'detected-time',
        kinds,
        limit: Math.min(PAGE, limit - rows.length),
        offset: rows.length,
      });
      rows.push(...page.rows);
      if (page.rows.length === 0 || rows.length >= page.total) break;
    }
    await writeAll(context.stdout, `${JSON.stringify(rows.map(updateJson))}\n`);
    return 0;
  });
}

export function updateJson(row: UpdateRow) {
  return {
    id: row.id,
    kind: row.kind,
    updatedAt: new Date(row.updatedAtMs).toISOString(),
    detectedAt: new Date(row.detectedAtMs).toISOString(),
  };
}

export function checkKind(text: string): ChangeKind {
  const kind = CHANGE_KINDS.find((candidate) => candidate === text.trim().toLowerCase());
  if (!kind)
    throw new CliUsageError({ key: 'cli.bad-kind', params: { kinds: CHANGE_KINDS.join(', ') } });
  return kind;
}
