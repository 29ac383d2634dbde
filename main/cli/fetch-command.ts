import {
  DEFAULT_BASE_URL,
  fetchContactUpdates,
  TIMEOUT_RANGE_MS,
  userAgentFor,
} from '../core/amoot/client.ts';
import type { FetchFunction } from '../core/amoot/guarded-request.ts';
import { CliUsageError, failureFromError } from './cli-failure.ts';
import { writeAll, writeObjectWithArray } from './json-output.ts';
import { cliBilingual } from './cli-wording.ts';
import { groupOption, optionalNumber, parseCommandOptions } from './options.ts';
import type { CliContext } from './run-cli.ts';
import { slowServerNotice, wantsSlowNotice } from './slow-server-notice.ts';

export const FETCH_USAGE =
  'AMOOT_TOKEN=… npm run --silent cli -- fetch [--base-url URL] [--group N] [--items] [--timeout-ms N] [--time-zone ZONE] [--verbose]';

/**
 * `fetch`: one call to ContactListUpdates, one JSON object on stdout. The token comes only from the
 * environment, so it never shows in the shell history or the process list.
 */
export async function fetchCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseCommandOptions(
    args,
    {
      'base-url': { type: 'string' },
      group: { type: 'string' },
      items: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'timeout-ms': { type: 'string' },
      'time-zone': { type: 'string' },
    },
    'fetch',
  );
  const group = groupOption(options.group) ?? '0';
  const timeoutMs = optionalNumber(options['timeout-ms'], '--timeout-ms', TIMEOUT_RANGE_MS);
  const token = context.env['AMOOT_TOKEN'];
  if (token === undefined || token.trim() === '') throw new CliUsageError({ key: 'cli.no-token' });

  const slow = wantsSlowNotice(options.verbose === true, context.stderr)
    ? slowServerNotice((line) => void writeAll(context.stderr, `${line}\n`), timeoutMs)
    : null;
  slow?.progress({ runId: '', phase: 'connecting', attempt: 1, bytesReceived: 0 });
  const result = await fetchContactUpdates({
    token,
    contactGroupId: group,
    baseUrl: options['base-url'] ?? DEFAULT_BASE_URL,
    fetch: context.fetch as FetchFunction,
    userAgent: userAgentFor(context.appVersion, process.platform),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(slow
      ? {
          onProgress: (bytesReceived: number) =>
            slow.progress({ runId: '', phase: 'downloading', attempt: 1, bytesReceived }),
        }
      : {}),
    ...(options['time-zone'] === undefined ? {} : { serverTimeZone: options['time-zone'] }),
  }).finally(() => slow?.stop());

  if (!result.ok) {
    if (options.verbose) await writeAll(context.stderr, `${result.error.detail}\n`);
    await writeAll(context.stdout, `${JSON.stringify(failureFromError(result.error))}\n`);
    return 1;
  }
  const head = {
    ok: true,
    status: result.status,
    count: result.records.length,
    warnings: result.warnings.map((warning) => cliBilingual(warning)),
  };
  if (!options.items) {
    await writeAll(context.stdout, `${JSON.stringify(head)}\n`);
    return 0;
  }
  await writeObjectWithArray(context.stdout, head, 'items', result.records, (record) => ({
    id: record.id,
    updatedAt: new Date(record.updatedAtMs).toISOString(),
    deleted: record.deleted,
  }));
  return 0;
}
