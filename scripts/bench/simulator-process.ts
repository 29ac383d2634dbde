/**
 * The AmootSMS simulator in a process of its own for benchmarks, so serving a large answer never
 * counts against the process being measured.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const NODE = [
  process.execPath,
  '--experimental-strip-types',
  '--disable-warning=ExperimentalWarning',
];
const SIMULATOR_CLI = path.join(import.meta.dirname, '../../test/simulator/cli.ts');

export interface SimulatorProcess {
  readonly baseUrl: string;
  /** Changes `count` contacts (the control API's `update`). */
  update(count: number): Promise<void>;
  stop(): void;
}

export async function startSimulatorProcess(
  contacts: number,
  token: string,
): Promise<SimulatorProcess> {
  const child = spawn(
    NODE[0] ?? 'node',
    [...NODE.slice(1), SIMULATOR_CLI, '--contacts', String(contacts), '--token', token, '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /base URL\s*:\s*(\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return {
    baseUrl,
    async update(count) {
      await fetch(baseUrl.replace(/\/rest$/, '/_control/update'), {
        method: 'POST',
        body: JSON.stringify({ count }),
      });
      await warm(baseUrl, token);
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/** An untimed request, so the simulator has rendered the new answer before the measured sync. */
export async function warm(baseUrl: string, token: string): Promise<void> {
  const response = await fetch(`${baseUrl}/ContactListUpdates`, {
    method: 'POST',
    headers: { Authorization: token },
    body: 'ContactGroupID=0',
  });
  await response.arrayBuffer();
}
