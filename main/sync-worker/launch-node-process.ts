/**
 * Starts the sync process as a Node child over an IPC channel: for tests and tools, which have no
 * Electron binary. Same job code, same messages, same V8 flags as in the app.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WORKER_V8_FLAGS, type FromWorker, type LaunchWorker } from './protocol.ts';
import { afterDrained, stderrLines } from './process-transport.ts';

const ENTRY = fileURLToPath(new URL('./node-entry.ts', import.meta.url));

/**
 * The Node entry as a child with an IPC channel (structured clone, like a MessagePort) and a
 * readable stderr, started with `v8Flags`; the tests' fake `utilityProcess` forks through this too.
 */
export function forkNodeWorker(v8Flags: readonly string[]): ChildProcess {
  return fork(ENTRY, [], {
    execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...v8Flags],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

export function nodeProcessLauncher(
  options: { onStderr?: (line: string) => void } = {},
): LaunchWorker {
  return () => {
    const child = forkNodeWorker(WORKER_V8_FLAGS);
    const drained = stderrLines(child.stderr, (line) => options.onStderr?.(line));
    return {
      post: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
      onExit: (listener) =>
        child.once('exit', (code) => afterDrained(drained, () => listener(code))),
      kill: () => void child.kill(),
    };
  };
}
