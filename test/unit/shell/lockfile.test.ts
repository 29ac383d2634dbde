/**
 * The one place the lockfile is checked. Supply chain, with no network:
 * `scripts/check-lockfile.ts` passes the committed lockfile and refuses doctored copies of it; the
 * workflow that runs `npm audit` where its endpoint is reachable parses and does what it says.
 *
 * `npm install` on a clean clone must leave package-lock.json as committed (README's first
 * command). npm 11 records `hasInstallScript: true` for better-sqlite3, whose package carries a
 * `binding.gyp` (npm counts the `node-gyp rebuild` it would infer; `allowScripts` then denies it),
 * and a lockfile without it was rewritten by every first install. So a real install of the
 * committed manifest and lockfile runs in a temporary folder, from npm's cache where it can
 * (scripts off: nothing is built), and its lockfile is compared with the committed one.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockfileProblems } from '../../../scripts/check-lockfile.ts';
import { npmCommand, runCommand } from '../../support/launch-sandbox.ts';

const root = resolve(import.meta.dirname, '../../..');

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
// js-yaml (a dev dependency, through electron-builder) ships no type declarations.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Lock = { packages: Record<string, Record<string, unknown>> };
const committedLock = (): Lock => readJson<Lock>(join(root, 'package-lock.json'));

/** `node scripts/check-lockfile.ts <folder>` over package.json and a lockfile written there. */
async function checkLockfileIn(lock: Lock) {
  const folder = mkdtempSync(join(tmpdir(), 'amoot-lock-check-'));
  copyFileSync(join(root, 'package.json'), join(folder, 'package.json'));
  writeFileSync(join(folder, 'package-lock.json'), JSON.stringify(lock, null, 2));
  const script = join(root, 'scripts/check-lockfile.ts');
  return runCommand(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, folder],
    {
      cwd: folder,
      env: { PATH: process.env['PATH'] ?? '' },
    },
  );
}

/** The committed lockfile with one package's entry changed. */
function doctored(key: string, change: Record<string, unknown>): Lock {
  const lock = committedLock();
  const entry = lock.packages[key];
  if (entry === undefined) throw new Error(`${key} is not in the lockfile`);
  lock.packages[key] = { ...entry, ...change };
  return lock;
}

/** Installing some 800 packages from the cache takes about 20 s here, more on a busy machine. */
const INSTALL_MS = 240_000;

describe('package-lock.json', () => {
  it(
    'is left unchanged by npm install on a clean clone',
    async () => {
      const clone = mkdtempSync(join(tmpdir(), 'amoot-lockfile-'));
      for (const file of ['package.json', 'package-lock.json']) {
        copyFileSync(join(root, file), join(clone, file));
      }
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
      const installed = await runCommand(
        npmCommand(),
        ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
        { cwd: clone, env },
      );
      expect(installed.stderr).not.toMatch(/ERR!/);
      expect(installed.code).toBe(0);
      expect(readFileSync(join(clone, 'package-lock.json'), 'utf8')).toBe(
        readFileSync(join(root, 'package-lock.json'), 'utf8'),
      );
    },
    INSTALL_MS,
  );

  it('lists Vazirmatn as a dev dependency: Vite bundles the font, the packaged app needs no copy', () => {
    const manifest = readJson<Manifest>(join(root, 'package.json'));
    expect(manifest.dependencies).not.toHaveProperty(['@fontsource-variable/vazirmatn']);
    expect(manifest.devDependencies).toHaveProperty(['@fontsource-variable/vazirmatn']);
  });
});

describe('the supply-chain check of package-lock.json (no network)', () => {
  it('passes the committed lockfile: all from the registry, sha512, scripts decided', async () => {
    expect(lockfileProblems(committedLock(), readJson(join(root, 'package.json')))).toEqual([]);
    const run = await checkLockfileIn(committedLock());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it.each([
    ['a git+ssh source', { resolved: 'git+ssh://git@github.com/evil/conf.git#abc' }, /git\+ssh:/],
    ['plain http', { resolved: 'http://registry.npmjs.org/conf/-/conf-16.0.0.tgz' }, /http:\/\//],
    ['another registry', { resolved: 'https://npm.evil.example/conf.tgz' }, /npm\.evil\.example/],
    ['a sha1 integrity', { integrity: 'sha1-2jmHXtvNObpOXGO2j5t9jqD1ofQ=' }, /sha1/],
    [
      'a second, weaker hash',
      {
        integrity: `${String(committedLock().packages['node_modules/conf']?.['integrity'])} sha1-2jmHXtvNObpOXGO2j5t9jqD1ofQ=`,
      },
      /sha512, sha1/,
    ],
    ['an undecided install script', { hasInstallScript: true }, /allowScripts/],
    ['a link', { link: true }, /a link/],
  ])('refuses %s, naming the package', async (_name, change, why) => {
    const run = await checkLockfileIn(doctored('node_modules/conf', change));
    expect(run.code).toBe(1);
    const line = run.stderr
      .split('\n')
      .find((text) => text.startsWith('node_modules/conf:') || text.startsWith('conf:'));
    expect(line).toMatch(why);
  });

  it('refuses an allowScripts entry no package needs any more', () => {
    const manifest = readJson<{ allowScripts: Record<string, boolean> }>(
      join(root, 'package.json'),
    );
    manifest.allowScripts['left-pad'] = true;
    expect(lockfileProblems(committedLock(), manifest)).toEqual([
      expect.stringMatching(/^left-pad: "allowScripts" names it/),
    ]);
  });
});

describe('.github/workflows/audit.yml', () => {
  interface Step {
    readonly run?: string;
    readonly uses?: string;
    readonly with?: Record<string, unknown>;
  }
  interface Workflow {
    readonly on: Record<string, unknown>;
    readonly jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
  }
  const workflow = load(
    readFileSync(join(root, '.github/workflows/audit.yml'), 'utf8'),
  ) as Workflow;

  it('runs on push, pull requests and every week', () => {
    expect(Object.keys(workflow.on)).toEqual(
      expect.arrayContaining(['push', 'pull_request', 'schedule']),
    );
    expect(workflow.on['schedule']).toEqual([
      { cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) },
    ]);
  });

  it('installs with no install scripts on Node 24, checks the lockfile, then audits what ships', () => {
    const job = workflow.jobs['audit'];
    expect(job?.['runs-on']).toMatch(/^ubuntu-/);
    const steps = job?.steps ?? [];
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({
      'node-version': 24,
    });
    const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs).toEqual([
      'npm ci --ignore-scripts --no-fund',
      expect.stringMatching(/ scripts\/check-lockfile\.ts$/),
      'npm audit --omit=dev --audit-level=high',
    ]);
  });
});
