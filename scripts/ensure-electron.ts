/**
 * `npm start`, `npm run dev` and `npm run demo` go through here: Electron's binary first, then
 * electron-vite. Electron 45 has no install script; it fetches its binary the first time something
 * `require`s the package, and electron-vite never does that: it reads `node_modules/electron/
 * path.txt` itself and stops at "Electron uninstall" on every fresh clone. So this runs Electron's
 * own installer (`install.js`, the `install-electron` bin, which does nothing when the binary is
 * there), tells the user in English and Persian what to do when it cannot fetch it, and hands the
 * binary's path to electron-vite (`ELECTRON_EXEC_PATH`, which electron-vite reads first).
 *
 * Usage: `node scripts/ensure-electron.ts [electron-vite arguments…]`; without arguments it only
 * makes sure the binary is there.
 *
 * `AMOOT_ELECTRON_DIR` names another Electron package folder than the one in node_modules, so the
 * tests can start from a fresh install (no binary) or a stand-in binary without touching the real
 * package. A user's own `ELECTRON_EXEC_PATH` is kept and nothing is fetched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { formatMessage } from '../common/i18n/format-message.ts';
import type { MessageKey } from '../common/i18n/messages-en.ts';

type Env = Readonly<Record<string, string | undefined>>;

const require = createRequire(import.meta.url);

export const ELECTRON_DIR_ENV = 'AMOOT_ELECTRON_DIR';

export type EnsureResult =
  { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly message: string };

/** The Electron package whose binary the app runs on. */
export function electronPackageDir(env: Env): string {
  const chosen = env[ELECTRON_DIR_ENV]?.trim();
  if (chosen !== undefined && chosen !== '') return resolve(chosen);
  return dirname(require.resolve('electron/package.json'));
}

/** English, then Persian: the terminal shows both, whichever the reader speaks. */
function bothLanguages(key: MessageKey, detail: string): string {
  return `${formatMessage('en', key, { detail })}\n\n${formatMessage('fa', key, { detail })}\n`;
}

/** The last line the installer wrote that says something: the cause, not the stack. */
function installerCause(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  return lines.at(-1)?.replace(/^Error:\s*/, '') ?? 'the installer stopped without saying why';
}

/**
 * Runs Electron's installer for `packageDir` and returns the binary it installed. The installer
 * reads the same variables as on a user's machine (ELECTRON_MIRROR, proxies, the cache folder).
 */
export function ensureElectron(env: Env, packageDir = electronPackageDir(env)): EnsureResult {
  const given = env['ELECTRON_EXEC_PATH']?.trim();
  if (given !== undefined && given !== '') return { ok: true, binary: given };
  const installed = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    env: { ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  const pathFile = join(packageDir, 'path.txt');
  if (installed.status !== 0 || !existsSync(pathFile)) {
    const cause = installed.error?.message ?? installerCause(installed.stderr ?? '');
    return { ok: false, message: bothLanguages('launch.electron-download-failed', cause) };
  }
  const relative = readFileSync(pathFile, 'utf8');
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']?.trim();
  // Electron's own lookup (its index.js): an override folder replaces dist/.
  const binary =
    override !== undefined && override !== ''
      ? join(override, relative)
      : join(packageDir, 'dist', relative);
  return { ok: true, binary };
}

/** electron-vite's command line, found through its package.json `bin` (its only exported file). */
export function electronViteBin(): string {
  const manifestPath = require.resolve('electron-vite/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['electron-vite'];
  if (bin === undefined) throw new Error('electron-vite/package.json names no electron-vite bin');
  return join(dirname(manifestPath), bin);
}

/**
 * Makes sure of the binary, then starts electron-vite with `args` on it; resolves with the exit
 * code to leave with (1 when the binary or the build tool could not be had).
 */
export async function runElectronVite(
  args: readonly string[],
  env: Env,
  write: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  const electron = ensureElectron(env);
  if (!electron.ok) {
    write(electron.message);
    return 1;
  }
  const child = spawn(process.execPath, [electronViteBin(), ...args], {
    stdio: 'inherit',
    env: { ...env, ELECTRON_EXEC_PATH: electron.binary },
  });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = forward(signal);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return new Promise((done) => {
    child.once('error', (error) => {
      write(bothLanguages('launch.electron-vite-failed', error.message));
      done(1);
    });
    child.once('exit', (code, signal) => {
      for (const off of handlers) off();
      done(code ?? (signal === null ? 0 : 1));
    });
  });
}

if (import.meta.filename === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    const electron = ensureElectron(process.env);
    if (!electron.ok) process.stderr.write(electron.message);
    process.exitCode = electron.ok ? 0 : 1;
  } else {
    process.exitCode = await runElectronVite(args, process.env);
  }
}
