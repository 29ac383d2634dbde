/**
 * `npm install` on a clean clone must leave package-lock.json as committed (README's first
 * command). npm 11 records `hasInstallScript: true` for better-sqlite3, whose package carries a
 * `binding.gyp` (npm counts the `node-gyp rebuild` it would infer; `allowScripts` then denies it),
 * and a lockfile without it was rewritten by every first install. So a real install of the
 * committed manifest and lockfile runs in a temporary folder, from npm's cache where it can
 * (scripts off: nothing is built), and its lockfile is compared with the committed one.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmCommand, runCommand } from '../../support/launch-sandbox.ts';

const root = resolve(import.meta.dirname, '../../..');

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

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
