import packageJson from '../../package.json' with { type: 'json' };
import { findCliToken } from './cli-token.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run cli -- <command>`: the app's core for scripting and diagnostics. Exit code 0 on success,
 * 1 on failure; an unexpected crash prints its stack to stderr and exits 2.
 */
// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    fetch: globalThis.fetch,
    appVersion: packageJson.version,
    findToken: findCliToken,
  });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
}
