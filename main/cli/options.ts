import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { CliUsageError } from './cli-failure.ts';

/**
 * parseArgs in strict mode, with its mistakes turned into bilingual usage failures, and a negative
 * number after an option that takes a value joined to it (`--group -1` → `--group=-1`) so the user
 * gets the real answer — negatives are refused — instead of "missing value".
 */
export function parseCommandOptions<T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
  command: string,
) {
  const valued = Object.entries(options)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`);
  try {
    return parseArgs({
      args: joinNegativeValues(args, valued),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw usageErrorFrom(error, command);
  }
}

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

function usageErrorFrom(error: unknown, command: string): unknown {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new CliUsageError({ key: 'cli.missing-value', params: { option } });
  }
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new CliUsageError({
      key: 'cli.unknown-option',
      params: { option: option || message, command },
    });
  }
  return error;
}

/** A required option's value, or a usage failure naming it. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '')
    throw new CliUsageError({ key: 'cli.missing-option', params: { option } });
  return value;
}

/** A whole number within bounds, or a usage failure naming the option and the bounds. */
export function wholeNumber(
  value: string | undefined,
  option: string,
  range: { min: number; max: number; fallback: number },
): number {
  if (value === undefined) return range.fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= range.min && number <= range.max)) {
    throw new CliUsageError({
      key: 'cli.bad-number',
      params: { option, min: range.min, max: range.max },
    });
  }
  return number;
}
