import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL, fetchContactUpdates, userAgentFor } from '../core/amoot/client.ts';
import type { FetchFunction } from '../core/amoot/guarded-request.ts';
import { bilingual } from '../../common/i18n/format-message.ts';
import { CliUsageError, failureFromError } from './cli-failure.ts';
import { writeAll, writeObjectWithArray } from './json-output.ts';
import type { CliContext } from './run-cli.ts';

export const FETCH_USAGE =
  'AMOOT_TOKEN=… npm run --silent cli -- fetch [--base-url URL] [--group N] [--items] [--timeout-ms N] [--time-zone ZONE] [--verbose]';

/**
 * `fetch`: one call to ContactListUpdates, one JSON object on stdout. The token comes only from the
 * environment, so it never shows in the shell history or the process list.
 */
export async function fetchCommand(args: string[], context: CliContext): Promise<number> {
  const options = parseFetchOptions(args);
  const token = context.env['AMOOT_TOKEN'];
  if (token === undefined || token.trim() === '') throw new CliUsageError({ key: 'cli.no-token' });

  const result = await fetchContactUpdates({
    token,
    contactGroupId: options.group,
    baseUrl: options.baseUrl,
    fetch: context.fetch as FetchFunction,
    userAgent: userAgentFor(context.appVersion, process.platform),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.timeZone === undefined ? {} : { serverTimeZone: options.timeZone }),
  });

  if (!result.ok) {
    if (options.verbose) await writeAll(context.stderr, `${result.error.detail}\n`);
    await writeAll(context.stdout, `${JSON.stringify(failureFromError(result.error))}\n`);
    return 1;
  }
  const head = {
    ok: true,
    status: result.status,
    count: result.records.length,
    warnings: result.warnings.map((warning) => bilingual(warning)),
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

interface FetchOptions {
  baseUrl: string;
  group: string;
  items: boolean;
  verbose: boolean;
  timeoutMs: number | undefined;
  timeZone: string | undefined;
}

function parseFetchOptions(args: string[]): FetchOptions {
  const { values } = parseStrict(args);
  let timeoutMs: number | undefined;
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = /^\d+$/.test(values['timeout-ms']) ? Number(values['timeout-ms']) : Number.NaN;
  }
  return {
    baseUrl: values['base-url'] ?? DEFAULT_BASE_URL,
    group: values.group ?? '0',
    items: values.items ?? false,
    verbose: values.verbose ?? false,
    timeoutMs,
    timeZone: values['time-zone'],
  };
}

/**
 * parseArgs would read `--group -1` as a second option; a negative number after an option that takes
 * a value is joined to it (`--group=-1`) so the user gets the real answer: negatives are refused.
 */
export function joinNegativeValues(args: readonly string[], valued: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    if (valued.includes(arg) && next !== undefined && /^[-\u2212][\d\u06F0-\u06F9]/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function parseStrict(rawArgs: string[]) {
  const args = joinNegativeValues(rawArgs, ['--group', '--timeout-ms']);
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      allowNegative: false,
      options: {
        'base-url': { type: 'string' },
        group: { type: 'string' },
        items: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        'time-zone': { type: 'string' },
      },
    });
  } catch (error) {
    throw usageErrorFrom(error, 'fetch');
  }
}

/** parseArgs reports mistakes as coded errors; each becomes a bilingual usage failure. */
export function usageErrorFrom(error: unknown, command: string): CliUsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new CliUsageError({ key: 'cli.missing-value', params: { option } });
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new CliUsageError({
      key: 'cli.unknown-option',
      params: { option: option || message, command },
    });
  }
  throw error;
}
