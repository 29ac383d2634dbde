import type { Writable } from 'node:stream';
import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import type { TokenLookup } from './cli-token.ts';
import { COMMAND_HELP, COMMAND_NAMES, commands, OPTION_NAMES } from './commands.ts';
import { CliUsageError, failureFromThrown, technicalDetail, usageFailure } from './cli-failure.ts';
import { helpText } from './help-text.ts';
import { writeAll } from './json-output.ts';

export type CliSignal = 'SIGINT' | 'SIGTERM';

/** What a command may touch: given, not reached for, so tests run the cli in-process. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly fetch: typeof fetch;
  readonly appVersion: string;
  /** AMOOT_TOKEN, else the keychain: given, so tests decide where a token comes from. */
  readonly findToken: (env: Readonly<Record<string, string | undefined>>) => Promise<TokenLookup>;
  /**
   * Calls `listener` on Ctrl+C or SIGTERM until the returned function is called, so a long command
   * can stop cleanly. Absent (in tests that do not need it): nothing interrupts.
   */
  readonly onInterrupt?: (listener: (signal: CliSignal) => void) => () => void;
}

const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs one cli command and returns its exit code: 0 on success, 1 on any failure. Every failure,
 * expected or not, is one JSON object on stdout; its technical detail goes to stderr only with
 * `--verbose`, and never with the token in it.
 */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || (name !== undefined && HELP_FLAGS.has(name))) {
    const about = rest[0] === undefined ? undefined : COMMAND_HELP[rest[0]];
    await writeAll(context.stdout, helpText(about ? [about] : Object.values(COMMAND_HELP)));
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (name === undefined || !command) {
    const commandList = COMMAND_NAMES.join(', ');
    return printFailure(
      context,
      name === undefined
        ? { key: 'cli.no-command', params: { commands: commandList } }
        : { key: 'cli.unknown-command', params: { command: name, commands: commandList } },
    );
  }
  const about = COMMAND_HELP[name];
  if (about && rest.some((arg) => HELP_FLAGS.has(arg))) {
    await writeAll(context.stdout, helpText([about]));
    return 0;
  }
  const taken = optionsTakenByNpm(context.env, rest);
  if (taken.length > 0) {
    return printFailure(context, {
      key: 'cli.npm-took-options',
      params: { options: taken.join(', '), command: name },
    });
  }
  try {
    return await command(rest, context);
  } catch (error) {
    if (rest.includes('--verbose') && !(error instanceof CliUsageError)) {
      const detail = technicalDetail(error, [context.env['AMOOT_TOKEN']]);
      await writeAll(context.stderr, `${detail}\n`);
    }
    await writeAll(context.stdout, `${JSON.stringify(failureFromThrown(error))}\n`);
    return 1;
  }
}

async function printFailure(context: CliContext, message: LocalizedMessage): Promise<number> {
  await writeAll(context.stdout, `${JSON.stringify(usageFailure(message))}\n`);
  return 1;
}

/**
 * `npm run cli sync --data-dir x` (no `--`) hands `--data-dir` to npm, which sets
 * `npm_config_data_dir` and passes only `sync x` on: the options the cli should have had.
 */
function optionsTakenByNpm(
  env: Readonly<Record<string, string | undefined>>,
  args: readonly string[],
): string[] {
  if (env['npm_lifecycle_event'] !== 'cli') return [];
  return OPTION_NAMES.filter(
    (option) =>
      env[`npm_config_${option.replaceAll('-', '_')}`] !== undefined &&
      !args.some((arg) => arg === `--${option}` || arg.startsWith(`--${option}=`)),
  ).map((option) => `--${option}`);
}
