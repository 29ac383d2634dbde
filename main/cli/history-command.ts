import type { SyncRunRecord } from '../../common/sync-types.ts';
import { cliBilingual } from './cli-wording.ts';
import { readDataDir } from './data-dir-stores.ts';
import { writeAll } from './json-output.ts';
import { parseCommandOptions, required, wholeNumber } from './options.ts';
import type { CliContext } from './run-cli.ts';

export const HISTORY_USAGE =
  'npm run --silent cli -- history --data-dir DIR [--limit N] [--verbose]';

/** `history`: the sync runs, newest first, as a JSON array with messages in both languages. */
export async function historyCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    { 'data-dir': { type: 'string' }, limit: { type: 'string' }, verbose: { type: 'boolean' } },
    'history',
  );
  const dataDir = required(options['data-dir'], '--data-dir');
  const limit = wholeNumber(options.limit, '--limit', { min: 1, max: 10_000, fallback: 20 });
  return readDataDir(dataDir, context, async ({ history }) => {
    const { runs } = history.list({ limit });
    await writeAll(context.stdout, `${JSON.stringify(runs.map(runJson))}\n`);
    return 0;
  });
}

function runJson(run: SyncRunRecord) {
  return {
    id: run.id,
    trigger: run.trigger,
    startedAt: new Date(run.startedAtMs).toISOString(),
    durationMs: run.durationMs,
    attempts: run.attempts,
    outcome: run.outcome,
    status: run.status,
    errorKind: run.errorKind,
    counts: run.counts,
    committed: run.committed,
    message: run.message ? cliBilingual(run.message) : null,
    warnings: run.warnings.map((warning) => cliBilingual(warning)),
  };
}
