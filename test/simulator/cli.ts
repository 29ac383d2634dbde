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

/**
 * A mistake the user can fix, with its message in English and Persian. The simulator imports
 * nothing from the app (it stays an independent oracle), so its few messages live here.
 */
class UsageError extends Error {
  override name = 'UsageError';
  readonly fa: string;
  constructor(en: string, fa: string) {
    super(en);
    this.fa = fa;
  }
}

/** One line in each language on stderr, then exit 1: no stack for a mistake the user can fix. */
function fail(error: UsageError): never {
  process.stderr.write(`simulator: ${error.message} / ${error.fa}\n`);
  process.exit(1);
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
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max}, got "${text}".`,
      `--${name} باید عددی صحیح از ${min} تا ${max} باشد، اما «${text}» آمد.`,
    );
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
    const quoted = /'([^'\s]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    throw new UsageError(
      `"${quoted}" is not an option here, or lacks its value; "npm run simulator -- --help" lists the options.`,
      `«${quoted}» اینجا گزینه نیست یا مقدارش نیامده؛ «npm run simulator -- --help» گزینه‌ها را نشان می‌دهد.`,
    );
  }
  const tokens = values.token ?? ['demo'];
  if (tokens.some((token) => token.trim() === '')) {
    throw new UsageError('--token cannot be empty.', '--token نمی‌تواند خالی باشد.');
  }
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

function portProblem(code: string, port: number): UsageError {
  return code === 'EADDRINUSE'
    ? new UsageError(
        `port ${port} on 127.0.0.1 is already in use. Stop what uses it, or choose another --port (0 picks a free one).`,
        `درگاه ${port} روی 127.0.0.1 در حال استفاده است. برنامه‌ای را که از آن استفاده می‌کند ببندید، یا --port دیگری انتخاب کنید (۰ یک درگاه آزاد برمی‌دارد).`,
      )
    : new UsageError(
        `port ${port} on 127.0.0.1 may not be used by this user. Choose a --port above 1023 (0 picks a free one).`,
        `این کاربر اجازهٔ استفاده از درگاه ${port} روی 127.0.0.1 را ندارد. --port بالاتر از ۱۰۲۳ انتخاب کنید (۰ یک درگاه آزاد برمی‌دارد).`,
      );
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = readFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    fail(error);
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
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') fail(portProblem(code, flags.port));
    throw error;
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
