/**
 * The cli two ways: in this process through `runCli` with a context of collected streams (fast, for
 * what needs no process of its own), and as a child process exactly as `npm run cli` starts it
 * (for exit codes, signals and what only a real process shows).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli, type CliContext } from '../../main/cli/run-cli.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when it is not (help text). */
  json: unknown;
}

/** The arguments `npm run cli` gives node (package.json), then the cli's own. */
export const CLI_NODE_ARGS = [
  '--max-semi-space-size=4',
  '--expose-gc',
  '--experimental-strip-types',
  '--disable-warning=ExperimentalWarning',
  'main/cli/index.ts',
];

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function parsed(stdout: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    return undefined;
  }
}

/** `runCli` in this process; the token comes from `env` only, never from a keychain. */
export async function cliInProcess(
  args: string[],
  env: Record<string, string> = {},
  overrides: Partial<CliContext> = {},
): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, {
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
    fetch: globalThis.fetch,
    appVersion: packageJson.version,
    findToken: (given) => {
      const token = given['AMOOT_TOKEN'];
      return Promise.resolve(
        token ? { ok: true, token } : { ok: false, message: { key: 'cli.no-token' } },
      );
    },
    ...overrides,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text(), json: parsed(stdout.text()) };
}

/** The cli as its own process, with only PATH and `env` in its environment. */
export function cliChild(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...CLI_NODE_ARGS, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr, json: parsed(stdout) });
      },
    );
  });
}

/** The cli as a child process to signal: resolves its result once it has exited. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; stderrText: () => string; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, json: parsed(stdout) });
    });
  });
  return { child, stderrText: () => stderr, done };
}
