/**
 * Starts the sync process as a Node child over an IPC channel: for tests and tools, which have no
 * Electron binary. Same job code, same messages, same V8 flags as in the app.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WORKER_V8_FLAGS, type FromWorker } from './protocol.ts';
import type { LaunchWorker } from './worker-handle.ts';

const ENTRY = fileURLToPath(new URL('./node-entry.ts', import.meta.url));

export function nodeProcessLauncher(
  options: { onStderr?: (text: string) => void } = {},
): LaunchWorker {
  return () => {
    const child = fork(ENTRY, [], {
      execArgv: [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        ...WORKER_V8_FLAGS,
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) => options.onStderr?.(chunk.toString('utf8')));
    return {
      post: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
  };
}
