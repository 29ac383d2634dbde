import packageJson from '../../package.json' with { type: 'json' };
import { findCliToken } from './cli-token.ts';
import { failureFromThrown, technicalDetail } from './cli-failure.ts';
import { runCli, type CliSignal } from './run-cli.ts';

/**
 * `npm run cli -- <command>`: the app's core for scripting and diagnostics. Exit code 0 on success,
 * 1 on failure, with one JSON object on stdout either way — even for a crash no command foresaw.
 */
// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

/** Ctrl+C and SIGTERM reach the running command; a second one ends the process at once. */
function onInterrupt(listener: (signal: CliSignal) => void): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    let received = false;
    const handler = () => {
      if (received) process.exit(1);
      received = true;
      listener(signal);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    fetch: globalThis.fetch,
    appVersion: packageJson.version,
    findToken: findCliToken,
    onInterrupt,
  });
} catch (error) {
  // runCli turns every command's failure into JSON; this is for what fails around it (stdout).
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  if (process.argv.includes('--verbose')) {
    process.stderr.write(`${technicalDetail(error, [process.env['AMOOT_TOKEN']])}\n`);
  }
  process.stdout.write(`${JSON.stringify(failureFromThrown(error))}\n`);
  process.exitCode = 1;
}
