import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { toAsciiDigits } from '../../common/validation.ts';
import { CliUsageError } from './cli-failure.ts';
import { describeError } from '../core/describe-error.ts';

/** ASCII, Persian and Arabic-Indic digits: what a keyboard in either language types. */
const DIGITS = /^[0-9\u06F0-\u06F9\u0660-\u0669]+$/;

/**
 * parseArgs in strict mode, with its mistakes turned into bilingual usage failures. A negative
 * number after an option that takes a value is joined to it (`--group -1` → `--group=-1`) so the
 * user gets the real answer — signs are refused — instead of "missing value". An option given twice
 * is refused: keeping the last one silently would run with a value the user may not have meant.
 */
export function parseCommandOptions<T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
  command: string,
) {
  const valued = Object.entries(options)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => `--${name}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, valued),
      options,
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    throw usageErrorFrom(error, command);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) {
      throw new CliUsageError({
        key: 'cli.repeated-option',
        params: { option: `--${token.name}` },
      });
    }
    seen.add(token.name);
  }
  return parsed.values;
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
  const message = describeError(error, 'message');
  // parseArgs names the option or argument in quotes; only that name reaches the user's message,
  // never parseArgs' English sentence (which would end up inside the Persian text).
  const quoted = /'([^'\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new CliUsageError({
      key: message.includes('does not take') ? 'cli.no-value' : 'cli.missing-value',
      params: { option: quoted },
    });
  }
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new CliUsageError({ key: 'cli.unknown-option', params: { option: quoted, command } });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new CliUsageError({
      key: 'cli.unexpected-argument',
      params: { argument: quoted, command },
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

/**
 * Digits only, in any of the three scripts, turned into ASCII; null for anything else (a sign, a
 * space, a decimal point), so every number the cli reads follows one rule.
 */
export function digitsOnly(value: string): string | null {
  return DIGITS.test(value) ? toAsciiDigits(value) : null;
}

/** A whole number within bounds, or a usage failure naming the option and the bounds. */
export function wholeNumber(
  value: string | undefined,
  option: string,
  range: { min: number; max: number; fallback: number },
): number {
  return optionalNumber(value, option, range) ?? range.fallback;
}

/** Like `wholeNumber`, for an option whose absence means "the default of whoever uses it". */
export function optionalNumber(
  value: string | undefined,
  option: string,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const digits = digitsOnly(value);
  const number = digits === null ? Number.NaN : Number(digits);
  if (!(number >= range.min && number <= range.max)) {
    throw new CliUsageError({
      key: 'cli.bad-number',
      params: { option, min: range.min, max: range.max },
    });
  }
  return number;
}

/**
 * `--group`: a contact group ID as digits only, returned as ASCII text for the settings check
 * (which also bounds it to 64 bits). A sign of either kind is refused, `-0` and `+7` alike.
 */
export function groupOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const digits = digitsOnly(value);
  if (digits === null) throw new CliUsageError({ key: 'cli.bad-group' });
  return digits;
}
