import { EXPORT_USAGE, exportCommand } from './export-command.ts';
import { FETCH_USAGE, fetchCommand } from './fetch-command.ts';
import type { CommandHelp } from './help-text.ts';
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

/** What `--help` shows for each command, in the order above. */
export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  fetch: { name: 'fetch', usage: FETCH_USAGE, summary: 'cli.help.fetch' },
  sync: { name: 'sync', usage: SYNC_USAGE, summary: 'cli.help.sync' },
  updates: { name: 'updates', usage: UPDATES_USAGE, summary: 'cli.help.updates' },
  history: { name: 'history', usage: HISTORY_USAGE, summary: 'cli.help.history' },
  export: { name: 'export', usage: EXPORT_USAGE, summary: 'cli.help.export' },
};

/**
 * Every option of any command: when npm finds one of them before a `--`, it keeps it for itself
 * (and sets `npm_config_<name>`), so the cli can tell the user what happened. `--verbose` is left
 * out: npm turns it into its own log level without a trace of that kind.
 */
export const OPTION_NAMES = [
  'data-dir',
  'base-url',
  'group',
  'time-zone',
  'timeout-ms',
  'limit',
  'kind',
  'out',
  'items',
];
