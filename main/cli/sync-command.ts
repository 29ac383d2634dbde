import { checkSettingsPatch } from '../../common/settings-check.ts';
import { TIMEOUT_RANGE_MS, userAgentFor } from '../core/amoot/client.ts';
import type { FetchFunction } from '../core/amoot/guarded-request.ts';
import { createStoresEngine } from '../compose/stores-engine.ts';
import { exposedCollector } from '../compose/exposed-collector.ts';
import { CliUsageError, type CliFailure } from './cli-failure.ts';
import { cliBilingual } from './cli-wording.ts';
import { withDataDir } from './data-dir-stores.ts';
import { writeAll } from './json-output.ts';
import { groupOption, optionalNumber, parseCommandOptions, required } from './options.ts';
import type { CliContext } from './run-cli.ts';
import { slowServerNotice, wantsSlowNotice } from './slow-server-notice.ts';

export const SYNC_USAGE =
  'npm run --silent cli -- sync --data-dir DIR [--base-url URL] [--group N] [--time-zone ZONE] [--timeout-ms N] [--verbose]';

/**
 * `sync`: one sync with the app's own engine and stores. `--base-url`, `--group` and `--time-zone`
 * are checked first, like any settings change, used for this run, and saved in the folder's
 * settings only when the run succeeds — a failed sync (a typo'd address) changes nothing but the
 * history. Ctrl+C or SIGTERM cancels the run, which the history then records as cancelled.
 */
export async function syncCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
      group: { type: 'string' },
      'time-zone': { type: 'string' },
      'timeout-ms': { type: 'string' },
      verbose: { type: 'boolean' },
    },
    'sync',
  );
  const dataDir = required(options['data-dir'], '--data-dir');
  const group = groupOption(options.group);
  const timeoutMs = optionalNumber(options['timeout-ms'], '--timeout-ms', TIMEOUT_RANGE_MS);
  const patch = {
    ...(options['base-url'] === undefined ? {} : { baseUrl: options['base-url'] }),
    ...(group === undefined ? {} : { contactGroupId: group }),
    ...(options['time-zone'] === undefined ? {} : { serverTimeZone: options['time-zone'] }),
  };
  const verbose = options.verbose === true;
  const say = (line: string) => void writeAll(context.stderr, `${line}\n`);

  return withDataDir(dataDir, context, async (stores) => {
    const check = checkSettingsPatch(stores.settings.get(), patch);
    if (!check.ok) throw new CliUsageError(check.message);
    const token = await context.findToken(context.env);
    if (!token.ok) throw new CliUsageError(token.message);

    const slow = wantsSlowNotice(verbose, context.stderr) ? slowServerNotice(say, timeoutMs) : null;
    const engine = createStoresEngine(
      // This run's settings: the stored ones with the flags applied, not yet saved.
      {
        ...stores,
        settings: {
          get: () => check.settings,
          update: (next) => stores.settings.update(next),
          check: (next) => stores.settings.check(next),
          onChange: (listener) => stores.settings.onChange(listener),
          syncBlocker: () => stores.settings.syncBlocker(Object.keys(patch)),
        },
      },
      {
        readToken: () => Promise.resolve(token.token),
        fetch: context.fetch as FetchFunction,
        userAgent: userAgentFor(context.appVersion, process.platform),
        // `npm run cli` starts node with --expose-gc so a sync's peak memory stays bounded.
        ...exposedCollector(),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(slow ? { onProgress: slow.progress } : {}),
        ...(verbose ? { log: say } : {}),
      },
    );
    const stopListening = context.onInterrupt?.(() => engine.cancel());
    const run = await engine.run('cli').finally(() => {
      stopListening?.();
      slow?.stop();
    });

    if (run.outcome === 'success' || run.outcome === 'baseline') {
      if (check.changed.length > 0) {
        const saved = stores.settings.update(patch);
        if (!saved.ok) throw new CliUsageError(saved.message);
      }
      const summary = {
        ok: true,
        baseline: run.outcome === 'baseline',
        // A changed server, group or time zone started the mirror anew instead of faking changes.
        newBaseline: run.newBaseline?.reason ?? null,
        counts: run.counts,
        durationMs: run.durationMs,
        warnings: run.warnings.map((warning) => cliBilingual(warning)),
      };
      await writeAll(context.stdout, `${JSON.stringify(summary)}\n`);
      return 0;
    }
    const failure: CliFailure = {
      ok: false,
      kind: run.errorKind ?? 'unknown',
      status: run.status,
      message: cliBilingual(run.message ?? { key: 'sync.internal-error' }),
    };
    await writeAll(context.stdout, `${JSON.stringify(failure)}\n`);
    return 1;
  });
}
