/**
 * README is executable: every command in its `sh` blocks runs here as README writes it, through
 * bash, from the project's folder as npm does, with `~` a fresh temporary home; where README
 * shows an answer under a command, the real answer must have its shape (the same keys with values
 * of the same types, and the same `ok`), not its text. The simulator's fixed example port is
 * replaced by a free one throughout, so a simulator the developer left running cannot answer in
 * its place. `npm run demo` runs in a copy of the project with a stand-in Electron
 * (test/support/launch-sandbox.ts); `npm install` and `npm start` have tests of their own
 * (test/unit/shell/lockfile.test.ts, test/integration/launch-commands.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaunchSandbox, runCommand } from '../support/launch-sandbox.ts';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const EXAMPLE_PORT = '8787';

interface Step {
  readonly command: string;
  /** The answer README shows under the command, parsed; undefined when it shows none. */
  readonly example?: unknown;
}

/** README's `sh` blocks as steps: a line starting with `{` or `[` is the answer to the one above. */
function readmeBlocks(text: string): Step[][] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, body]) => {
    const steps: { command: string; example?: unknown }[] = [];
    for (const line of (body ?? '').split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const last = steps.at(-1);
      if (/^[[{]/.test(trimmed) && last !== undefined) last.example = JSON.parse(trimmed);
      else steps.push({ command: trimmed });
    }
    return steps;
  });
}

/** A list of differences between README's example and the real answer's shape. */
function shapeDifferences(example: unknown, actual: unknown, path = '$'): string[] {
  if (example === null || actual === null) {
    return example === actual ? [] : [`${path}: ${JSON.stringify(actual)} for null`];
  }
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    if (example.length === 0 || actual.length === 0) return [];
    return shapeDifferences(example[0], actual[0], `${path}[0]`);
  }
  if (typeof example === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: not an object`];
    return Object.entries(example).flatMap(([key, value]) =>
      key in actual
        ? shapeDifferences(value, (actual as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  return typeof example === typeof actual
    ? []
    : [`${path}: ${typeof actual} for ${typeof example}`];
}

function freePort(): Promise<number> {
  return new Promise((found, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => found(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

const home = mkdtempSync(join(tmpdir(), 'amoot-readme-home-'));
let port = '';
let simulator: ChildProcess | null = null;

function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const name of Object.keys(env)) if (/^(npm_|AMOOT_)/i.test(name)) delete env[name];
  return env;
}

const asWritten = (command: string): string => command.replaceAll(EXAMPLE_PORT, port);

const blocks = readmeBlocks(readme);
const simulatorBlock = blocks.find((steps) => steps[0]?.command.startsWith('npm run simulator'));
const runnable = blocks.filter(
  (steps) => steps !== simulatorBlock && !steps[0]?.command.startsWith('npm install'),
);

beforeAll(async () => {
  port = String(await freePort());
  const start = simulatorBlock?.[0]?.command;
  if (start === undefined) throw new Error('README shows no `npm run simulator` block');
  const started = spawn('bash', ['-c', `exec ${asWritten(start)}`], {
    cwd: root,
    env: shellEnv(),
    detached: true,
  });
  simulator = started;
  // It keeps running, as README says: ready once it has printed its address.
  await new Promise<void>((ready, fail) => {
    let printed = '';
    started.stdout.setEncoding('utf8').on('data', (text: string) => {
      printed += text;
      if (printed.includes(`127.0.0.1:${port}/rest`)) ready();
    });
    started.once('exit', (code) => fail(new Error(`the simulator ended (${code}): ${printed}`)));
  });
}, 60_000);

afterAll(() => {
  // npm and node below it: the whole group the shell started.
  if (simulator?.pid !== undefined) process.kill(-simulator.pid, 'SIGTERM');
});

describe('README.md', () => {
  it('starts with the two commands package.json has', () => {
    const first = blocks[0]?.map((step) => step.command.replace(/\s+#.*$/, ''));
    expect(first).toEqual(['npm install && npm start', 'npm test']);
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['start', 'test', 'demo']));
  });

  it('links only to files a clone has', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map(([, target]) => target ?? '');
    expect(links).toContain('docs/DESIGN.md');
    for (const target of links.filter((link) => !/^https?:/.test(link))) {
      expect(() => readFileSync(join(root, target)), target).not.toThrow();
    }
    expect(readme).not.toContain('../shared');
  });

  it('runs every command it shows, each answering in the shape it shows', async () => {
    expect(runnable.flat().length).toBeGreaterThanOrEqual(10);
    for (const step of runnable.flat()) {
      const result = await runCommand('bash', ['-c', asWritten(step.command)], {
        cwd: root,
        env: shellEnv(),
      });
      const label = `${step.command}\n${result.stderr}`;
      const answer: unknown = JSON.parse(result.stdout);
      const ok = (step.example as { ok?: unknown } | undefined)?.ok;
      expect(result.code, label).toBe(ok === false ? 1 : 0);
      if (step.example !== undefined) {
        expect(shapeDifferences(step.example, answer), label).toEqual([]);
      } else {
        expect(typeof answer, label).toBe('object');
      }
    }
    // What README's export wrote is where it says: in the home folder, not the project.
    expect(readFileSync(join(home, 'amoot-demo/updates.csv'), 'utf8')).toMatch(
      /^\ufeffcontact_id,change,/,
    );
  }, 180_000);

  it('npm run demo starts the app on the simulator it starts', async () => {
    const row = /\| `(npm run demo)`/.exec(readme)?.[1];
    expect(row).toBe('npm run demo');
    const sandbox = createLaunchSandbox();
    sandbox.installStandIn();
    const result = await runCommand('bash', ['-c', `${row}`], {
      cwd: sandbox.project,
      env: sandbox.env(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(sandbox.readRecord()).toMatchObject({
      argv: ['.', '--demo'],
      simulator: { status: 200, body: { contacts: 2_000 } },
    });
  }, 120_000);
});
