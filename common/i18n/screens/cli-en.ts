/** English strings of the command line (`npm run cli`); the Persian file must have the same keys. */
export const cliMessagesEn = {
  'cli.help.title': 'Amoot Contact Sync, command line. Commands:',
  'cli.help.fetch': 'one call to the API; prints one JSON object (token from AMOOT_TOKEN).',
  'cli.help.sync':
    'one sync of a data folder with the app’s engine; the options are saved in the folder only when the sync succeeds.',
  'cli.help.updates': 'the change log of a data folder, newest first, as JSON.',
  'cli.help.history': 'the sync runs of a data folder, newest first, as JSON.',
  'cli.help.export': 'the change log of a data folder as a CSV file for Excel.',
  'cli.help.footer':
    'Put -- between "cli" and the command when running through npm. Each result is JSON on stdout; the exit code is 0 on success and 1 on failure. "<command> --help" shows one command.',
  'cli.no-command':
    'No command was given. Commands: {commands}. Run "npm run --silent cli -- --help" for their options.',
  'cli.unknown-command':
    'Unknown command "{command}". Commands: {commands}. Run "npm run --silent cli -- --help" for their options.',
  'cli.unknown-option':
    'Unknown option "{option}" for "{command}". Run "npm run --silent cli -- {command} --help" for its options.',
  'cli.unexpected-argument':
    '"{argument}" is not an option of "{command}": options start with --. Through npm, put -- before the command: npm run --silent cli -- {command} --option value.',
  'cli.npm-took-options':
    'npm kept the options {options} for itself, so "{command}" never got them. Put -- between "cli" and the command: npm run --silent cli -- {command} …',
  'cli.missing-value': 'The option {option} needs a value, as in {option} VALUE.',
  'cli.no-value': 'The option {option} takes no value: write it alone.',
  'cli.missing-option':
    'The option {option} is required. Through npm, put -- before the command: npm run --silent cli -- COMMAND {option} …',
  'cli.repeated-option':
    'The option {option} was given more than once. Give it once, with the value you mean.',
  'cli.bad-number':
    'The option {option} takes a whole number from {min} to {max}, written with digits only (Persian and Arabic digits too), without a sign or spaces.',
  'cli.bad-group':
    'The option --group takes a contact group number written with digits only (Persian and Arabic digits too), such as 0 or 12: no sign, space or decimal point, and never negative.',
  'cli.bad-kind': 'The option --kind takes one of: {kinds}.',
  'cli.keychain-unavailable':
    'No token in AMOOT_TOKEN, and the system keychain could not be read: {reason}',
  'cli.export-failed':
    'The CSV file could not be written to {path}. Check that the folder exists, can be written to and that the disk has free space.',
  'cli.no-token':
    'No token was found. Set the AMOOT_TOKEN environment variable to the API token from the AmootSMS panel, or save the token in the app, which keeps it in the system keychain.',
  'cli.server-slow':
    'The server has sent nothing for {seconds} s; still waiting (at most {limit} s per attempt; --timeout-ms sets it). Press Ctrl+C to stop.',
  'cli.unexpected':
    'The command stopped on an unexpected problem. Run it again with --verbose to see the details on stderr; if it keeps happening, send them to support.',
  'cli.file.missing':
    '{path} does not exist. Check the path; for updates, history and export, give the data folder a sync wrote.',
  'cli.file.not-folder':
    '{path} is a file, or lies under a file, where a folder was expected. Give --data-dir a folder.',
  'cli.file.is-folder':
    '{path} is a folder where a file was expected. Move it away, or give another --data-dir.',
  'cli.file.denied':
    '{path} may not be read or written by this user. Change its permissions, or give another --data-dir.',
  'cli.file.read-only':
    '{path} is on a read-only disk. Give a --data-dir on a disk that can be written to.',
  'cli.file.disk-full':
    'The disk holding {path} is full. Free some space, then run the command again.',
} as const;
