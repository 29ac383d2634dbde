/**
 * Starts the sync process as an Electron utility process. The built entry sits beside main's
 * bundle (`out/main/sync-worker.js`, an electron-vite input of its own).
 */
import { join } from 'node:path';
import type { UtilityProcess } from 'electron';
import { WORKER_V8_FLAGS, type FromWorker, type LaunchWorker } from './protocol.ts';
import { afterDrained, stderrLines } from './process-transport.ts';

export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args: string[],
    options: {
      serviceName: string;
      execArgv: string[];
      stdio: 'pipe' | 'ignore' | ['ignore', 'ignore' | 'pipe', 'ignore' | 'pipe'];
    },
  ): Pick<UtilityProcess, 'postMessage' | 'on' | 'kill' | 'stderr'>;
}

export function utilityProcessLauncher(
  utilityProcess: UtilityProcessApi,
  options: { mainDir: string; onStderr: (line: string) => void },
): LaunchWorker {
  return () => {
    const child = utilityProcess.fork(join(options.mainDir, 'sync-worker.js'), [], {
      serviceName: 'Amoot Contact Sync – sync',
      execArgv: [...WORKER_V8_FLAGS],
      // The job reports through messages and never writes to stdout: a piped stdout nobody reads
      // would only fill its buffer. Stderr is read, since only a crash writes there.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // What a crash wrote goes to the log, line by line (see `stderrLines` in process-transport.ts).
    const drained = stderrLines(child.stderr, options.onStderr);
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
      onExit: (listener) => child.on('exit', (code) => afterDrained(drained, () => listener(code))),
      kill: () => void child.kill(),
    };
  };
}
