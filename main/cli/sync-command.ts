import { checkSettingsPatch } from '../../common/settings-check.ts';
import { userAgentFor } from '../core/amoot/client.ts';
import type { FetchFunction } from '../core/amoot/guarded-request.ts';
import { createStoresEngine } from '../compose/stores-engine.ts';
import { recoverInterruptedRuns } from '../core/sync/sync-engine.ts';
import { exposedCollector } from '../compose/exposed-collector.ts';
import { CliUsageError, type CliFailure } from './cli-failure.ts';
import { withDataDir } from './data-dir-stores.ts';
import { writeAll } from './json-output.ts';
import { parseCommandOptions, required } from './options.ts';
import type { CliContext } from './run-cli.ts';
import { bilingual } from '../../common/i18n/format-message.ts';

export const SYNC_USAGE =
  'npm run --silent cli -- sync --data-dir DIR [--base-url URL] [--group N] [--time-zone ZONE] [--verbose]';

/**
 * `sync`: one sync with the app's own engine and stores. `--base-url`, `--group` and `--time-zone`
 * are saved in the folder's settings (checked first, like any settings change), so the next sync of
 * the same folder needs no flags — and never silently falls back to another server.
 */
export async function syncCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
      group: { type: 'string' },
      'time-zone': { type: 'string' },
      verbose: { type: 'boolean' },
    },
    'sync',
  );
  const dataDir = required(options['data-dir'], '--data-dir');
  const patch = {
    ...(options['base-url'] === undefined ? {} : { baseUrl: options['base-url'] }),
    ...(options.group === undefined ? {} : { contactGroupId: options.group }),
    ...(options['time-zone'] === undefined ? {} : { serverTimeZone: options['time-zone'] }),
  };

  return withDataDir(dataDir, context, async (stores) => {
    const check = checkSettingsPatch(stores.settings.get(), patch);
    if (!check.ok) throw new CliUsageError(check.message);
    const token = await context.findToken(context.env);
    if (!token.ok) throw new CliUsageError(token.message);
    const saved = stores.settings.update(patch);
    if (!saved.ok) throw new CliUsageError(saved.message);

    const engine = createStoresEngine(stores, {
      readToken: () => Promise.resolve(token.token),
      fetch: context.fetch as FetchFunction,
      userAgent: userAgentFor(context.appVersion, process.platform),
      // `npm run cli` starts node with --expose-gc so a sync's peak memory stays bounded.
      ...exposedCollector(),
      ...(options.verbose
        ? { log: (line: string) => void writeAll(context.stderr, `${line}\n`) }
        : {}),
    });
    recoverInterruptedRuns(stores.history, stores.mirror);
    const run = await engine.run('cli');

    if (run.outcome === 'success' || run.outcome === 'baseline') {
      const summary = {
        ok: true,
        baseline: run.outcome === 'baseline',
        counts: run.counts,
        durationMs: run.durationMs,
      };
      await writeAll(context.stdout, `${JSON.stringify(summary)}\n`);
      return 0;
    }
    const failure: CliFailure = {
      ok: false,
      kind: run.errorKind ?? 'unknown',
      status: run.status,
      message: bilingual(run.message ?? { key: 'sync.internal-error' }),
    };
    await writeAll(context.stdout, `${JSON.stringify(failure)}\n`);
    return 1;
  });
}
