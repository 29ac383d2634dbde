/**
 * `npm run simulator -- --contacts 5000 --token demo`: a local AmootSMS server to point the app at,
 * with the control API printed ready to paste into a second terminal.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './index.ts';

const USAGE = `Usage: npm run simulator -- [--contacts N] [--token T]... [--port P] [--seed S] [--big-ids] [--quiet]
  --contacts N  contacts in the data set (default 1000)
  --token T     a valid token; repeat for more (default demo)
  --port P      port on 127.0.0.1, 0 = any free port (default 0)
  --seed S      seed of the data set (default 1)
  --big-ids     include IDs above 2^53, up to 9223372036854775807
  --quiet       do not log each request`;

class UsageError extends Error {
  override name = 'UsageError';
}

function integerFlag(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function readFlags(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        contacts: { type: 'string' },
        token: { type: 'string', multiple: true },
        port: { type: 'string' },
        seed: { type: 'string' },
        'big-ids': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const tokens = values.token ?? ['demo'];
  if (tokens.some((token) => token.trim() === '')) throw new UsageError('--token cannot be empty');
  return {
    help: values.help === true,
    quiet: values.quiet === true,
    bigIds: values['big-ids'] === true,
    tokens,
    contacts: integerFlag('contacts', values.contacts, 1000, 0, 20_000_000),
    port: integerFlag('port', values.port, 0, 0, 65_535),
    seed: integerFlag('seed', values.seed, 1, 0, 4_294_967_295),
  };
}

function banner(baseUrl: string, token: string, contacts: number): string {
  const control = baseUrl.replace(/\/rest$/, '/_control');
  return `AmootSMS simulator: ${contacts} contacts
  base URL : ${baseUrl}
  token    : ${token}

Try it:
  curl -X POST ${baseUrl}/ContactListUpdates -H 'Authorization: ${token}' -d ContactGroupID=0
Control it (second terminal):
  curl ${control}/state
  curl -X POST ${control}/update -d '{"count":25}'
  curl -X POST ${control}/add -d '{"count":5}'
  curl -X POST ${control}/delete -d '{"ids":["12345678"]}'
  curl -X POST ${control}/token -d '{"token":"${token}","state":"Token_Expired"}'
  curl -X POST ${control}/fault -d '{"kind":"latency","ms":3000,"times":1}'
  curl -X POST ${control}/fault -d '{"kind":"rate-limit","retryAfter":"30"}'
  curl -X POST ${control}/fault -d 'null'
  curl ${control}/requests
Press Ctrl+C to stop.`;
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = readFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`simulator: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const log = flags.quiet
    ? undefined
    : (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const sim = await startSimulator({
    port: flags.port,
    contacts: flags.contacts,
    seed: flags.seed,
    bigIds: flags.bigIds,
    tokens: Object.fromEntries(flags.tokens.map((token) => [token, 'valid'])),
    ...(log === undefined ? {} : { log }),
  });
  process.stdout.write(`${banner(sim.baseUrl, flags.tokens[0] ?? 'demo', flags.contacts)}\n`);
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping\n`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

await main();
