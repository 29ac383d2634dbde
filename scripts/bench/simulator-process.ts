/**
 * The AmootSMS simulator in a process of its own for benchmarks, so serving a large answer never
 * counts against the process being measured.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
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
      await post(baseUrl.replace(/\/rest$/, '/_control/update'), JSON.stringify({ count }));
      await warm(baseUrl, token);
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/** An untimed request, so the simulator has rendered the new answer before the measured sync. */
export async function warm(baseUrl: string, token: string): Promise<void> {
  await post(`${baseUrl}/ContactListUpdates`, 'ContactGroupID=0', {
    Authorization: token,
    'Content-Type': 'application/x-www-form-urlencoded',
  });
}

/**
 * A POST on a connection of its own, its answer read and dropped. Not `fetch`: its pool reuses a
 * socket left idle through a long measurement, which the simulator's keep-alive timeout (5 s) may
 * close just as the next request goes out ("other side closed"), failing the whole bench run.
 */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: false, headers }, (response) => {
      response.resume();
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve();
        else reject(new Error(`${url} answered HTTP ${status}`));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
