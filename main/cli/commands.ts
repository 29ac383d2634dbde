import { EXPORT_USAGE, exportCommand } from './export-command.ts';
import { FETCH_USAGE, fetchCommand } from './fetch-command.ts';
import { HISTORY_USAGE, historyCommand } from './history-command.ts';
import type { CliContext } from './run-cli.ts';
import { SYNC_USAGE, syncCommand } from './sync-command.ts';
import { UPDATES_USAGE, updatesCommand } from './updates-command.ts';

export type CliCommand = (args: string[], context: CliContext) => Promise<number>;

/** The cli's commands by name. */
export const commands: Readonly<Record<string, CliCommand>> = {
  fetch: fetchCommand,
  sync: syncCommand,
  updates: updatesCommand,
  history: historyCommand,
  export: exportCommand,
};

export const COMMAND_NAMES = Object.keys(commands);

/** One usage line per command, printed for `help` or no command. */
export const USAGE = [FETCH_USAGE, SYNC_USAGE, UPDATES_USAGE, HISTORY_USAGE, EXPORT_USAGE].join(
  '\n',
);
