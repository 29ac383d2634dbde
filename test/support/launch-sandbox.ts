/**
 * A copy of the project in a temporary folder, to run `npm start` and `npm run demo` as a user
 * would without touching the real `node_modules/electron` or `out/`: the sources and scripts are
 * copied, `node_modules` is a link to the installed one, and Electron's package is a copy of its
 * own files only (as `npm install` leaves it: no `path.txt`, no `dist/`), which
 * `scripts/ensure-electron.ts` is pointed at through `AMOOT_ELECTRON_DIR`.
 *
 * `installStandIn` then puts what Electron's installer would leave (`dist/version`, `path.txt`,
 * the binary) with a stand-in binary: a shell script that runs `record-launch.mjs`, which writes
 * the command line, folder and demo variables it got, and what the simulator answered, as JSON.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const electronPackage = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** What `electron-vite build` and the scripts read: the rest of the project stays behind. */
const PROJECT_FILES = [
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.json',
  'scripts',
  'main',
  'common',
  'renderer',
  'test/simulator',
  'build/tray',
];

export interface LaunchRecord {
  readonly argv: string[];
  readonly cwd: string;
  readonly entryBuilt: boolean;
  readonly env: { AMOOT_BASE_URL: string | null; AMOOT_DEMO_TOKEN: string | null };
  /** The simulator's `/_control/state` as the stand-in fetched it, or why it could not. */
  readonly simulator: { status: number; body: unknown } | { error: string } | null;
}

export interface LaunchSandbox {
  readonly project: string;
  /** The Electron package copy `AMOOT_ELECTRON_DIR` points at. */
  readonly electronDir: string;
  /** Where the stand-in binary writes its record. */
  readonly recordFile: string;
  /** The environment for `npm run …` in the copy: no Electron of the user's, Electron's cache empty. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  installStandIn(): void;
  readRecord(): LaunchRecord;
  run(args: readonly string[], extra?: Record<string, string>): Promise<RunResult>;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end, collecting what it printed (no shell: arguments go as they are). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdin.end(options.input ?? '');
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

const RECORDER = `
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const base = process.env.AMOOT_BASE_URL ?? null;
let simulator = null;
if (base !== null) {
  try {
    const answer = await fetch(base.replace(/\\/rest$/, '/_control/state'));
    simulator = { status: answer.status, body: await answer.json() };
  } catch (error) {
    simulator = { error: String(error) };
  }
}
writeFileSync(process.env.AMOOT_STANDIN_RECORD, JSON.stringify({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  entryBuilt: existsSync(join(process.cwd(), 'out/main/index.js')),
  env: { AMOOT_BASE_URL: base, AMOOT_DEMO_TOKEN: process.env.AMOOT_DEMO_TOKEN ?? null },
  simulator,
}));
`;

export function createLaunchSandbox(): LaunchSandbox {
  const root = mkdtempSync(join(tmpdir(), 'amoot-launch-'));
  const project = join(root, 'project');
  for (const file of PROJECT_FILES) {
    cpSync(join(repoRoot, file), join(project, file), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  // Inside the copy, so Electron's installer finds its own dependencies through node_modules.
  const electronDir = join(project, 'electron-package');
  mkdirSync(electronDir);
  const manifest = JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as {
    version: string;
    files: string[];
  };
  for (const file of [...manifest.files, 'package.json']) {
    cpSync(join(electronPackage, file), join(electronDir, file), { recursive: true });
  }
  const recordFile = join(root, 'launch.json');
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of Object.keys(base)) {
      if (/^(ELECTRON_|npm_|AMOOT_)/i.test(name)) delete base[name];
    }
    return {
      ...base,
      AMOOT_ELECTRON_DIR: electronDir,
      AMOOT_STANDIN_RECORD: recordFile,
      electron_config_cache: join(root, 'electron-cache'),
      ...extra,
    };
  };
  return {
    project,
    electronDir,
    recordFile,
    env,
    installStandIn() {
      mkdirSync(join(electronDir, 'dist'), { recursive: true });
      writeFileSync(join(electronDir, 'dist', 'version'), manifest.version);
      const platformPath = process.platform === 'win32' ? 'electron.exe' : 'electron';
      writeFileSync(join(electronDir, 'path.txt'), platformPath);
      const recorder = join(root, 'record-launch.mjs');
      writeFileSync(recorder, RECORDER);
      const binary = join(electronDir, 'dist', platformPath);
      writeFileSync(binary, `#!/bin/sh\nexec "${process.execPath}" "${recorder}" "$@"\n`);
      chmodSync(binary, 0o755);
    },
    readRecord: () => JSON.parse(readFileSync(recordFile, 'utf8')) as LaunchRecord,
    run: (args, extra) =>
      runCommand(npmCommand(), ['run', '--silent', ...args], { cwd: project, env: env(extra) }),
  };
}

/** npm as the user types it; on Windows it is a .cmd, which spawn cannot start without a shell. */
export function npmCommand(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}
