import type { Writable } from 'node:stream';
import type { TokenLookup } from './cli-token.ts';
import { COMMAND_NAMES, commands, USAGE } from './commands.ts';
import { CliUsageError, usageFailure } from './cli-failure.ts';
import { writeAll } from './json-output.ts';

/** What a command may touch: given, not reached for, so tests run the cli in-process. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly fetch: typeof fetch;
  readonly appVersion: string;
  /** AMOOT_TOKEN, else the keychain: given, so tests decide where a token comes from. */
  readonly findToken: (env: Readonly<Record<string, string | undefined>>) => Promise<TokenLookup>;
}

/** Runs one cli command and returns its exit code: 0 on success, 1 on any failure. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    const failure = usageFailure(
      name === undefined || name === '--help' || name === 'help'
        ? { key: 'cli.usage', params: { usage: USAGE } }
        : {
            key: 'cli.unknown-command',
            params: { command: name, commands: COMMAND_NAMES.join(', ') },
          },
    );
    await writeAll(context.stdout, `${JSON.stringify(failure)}\n`);
    return 1;
  }
  try {
    return await command(rest, context);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    await writeAll(context.stdout, `${JSON.stringify(error.failure)}\n`);
    return 1;
  }
}
