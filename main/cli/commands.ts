import { FETCH_USAGE, fetchCommand } from './fetch-command.ts';
import type { CliContext } from './run-cli.ts';

export type CliCommand = (args: string[], context: CliContext) => Promise<number>;

/** The cli's commands by name; later commands (sync, updates, history, export) join this table. */
export const commands: Readonly<Record<string, CliCommand>> = {
  fetch: fetchCommand,
};

export const COMMAND_NAMES = Object.keys(commands);

/** One usage line per command, printed for `help` or no command. */
export const USAGE = [FETCH_USAGE].join('\n');
