/**
 * The built app, not only its sources: `out/main/index.js` (what `npm start` and the installers
 * run) boots under Node with the suite's fake `electron` (test/support/built-app), so the real
 * bundle's chunks, externals and paths (preload, renderer, tray icons, the sync process's
 * `out/main/sync-worker.js`) are checked on every run. `npm test` builds before Vitest.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/index.ts';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'out');
// Scanned for by the suite's teardown in every file the tests leave behind.
const TOKEN = 'built-bundle-token-7d2e91';

interface BootReport {
  channelsRegistered: string[];
  logProblems: string[];
  channelsCalled: string[];
  allChannels: string[];
  answers: { channel: string; answer: { ok: boolean; value?: unknown } }[];
  tray: { shown: boolean; image: string; destroyedOnQuit: boolean };
  window: { loaded: { kind: string; target: string } | null; preload: string | null };
  page: { status: number | null; hasScript: boolean };
  forks: { modulePath: string; execArgv: string[]; serviceName: string; stdio: unknown }[];
  quit: { held: boolean };
  userData: string;
}

let simulator: Simulator;
let report: BootReport;
let exitCode: number | null;
let stderr = '';
const probeDir = mkdtempSync(join(tmpdir(), 'amoot-sync-probe-'));

beforeAll(async () => {
  if (!existsSync(join(out, 'main/index.js'))) throw new Error('run `npm run build` first');
  simulator = await startSimulator({ contacts: 40, seed: 3, tokens: { [TOKEN]: 'valid' } });
  const child = fork(join(root, 'test/support/built-app/boot-built-app.ts'), [], {
    env: {
      ...process.env,
      AMOOT_BUNDLE_OUT: out,
      AMOOT_PROBE_DIR: probeDir,
      AMOOT_SIM_URL: simulator.baseUrl,
      AMOOT_SIM_TOKEN: TOKEN,
    },
    execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.on('message', (message) => (report = message as BootReport));
  // The process ends by itself only when the app, once quit, left no timer, socket or child.
  exitCode = await new Promise((ended) => child.once('exit', ended));
}, 60_000);
afterAll(async () => {
  await simulator.close();
});

describe('out/main/index.js under Node', () => {
  it('starts, serves every channel, syncs in its sync process, and quits leaving nothing running', () => {
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(report.logProblems).toEqual([]);
    expect(report.channelsRegistered).toEqual(report.allChannels);
    expect(report.channelsCalled).toEqual(report.allChannels);
    for (const { channel, answer } of report.answers)
      expect(answer, channel).toMatchObject({ ok: true });
    expect(report.quit.held).toBe(true);
    expect(report.tray.destroyedOnQuit).toBe(true);
  });

  it('shows its tray and loads the built page from app:// with the built preload', () => {
    expect(report.tray.shown).toBe(true);
    expect(existsSync(report.tray.image)).toBe(true);
    expect(report.window.loaded).toEqual({ kind: 'url', target: 'app://bundle/index.html' });
    expect(report.window.preload).toBe(join(out, 'preload/index.cjs'));
    expect(report.page).toEqual({ status: 200, hasScript: true });
  });

  it('records a sync against the simulator in the history', () => {
    const answer = (channel: string) =>
      report.answers.find((call) => call.channel === channel)?.answer.value;
    expect(answer('sync.now')).toEqual({ ok: true });
    const history = answer('history.page') as { runs: Record<string, unknown>[] };
    // Newest first: the manual sync, then the start-up one that found no token yet.
    expect(history.runs).toMatchObject([
      { trigger: 'manual', outcome: 'baseline', committed: true, counts: { received: 40 } },
      { trigger: 'startup', outcome: 'failed', errorKind: 'auth' },
    ]);
    expect(answer('token.test')).toEqual({ ok: true });
    // The export also runs in a sync process, on the mirror that sync wrote.
    expect(answer('export.csv')).toMatchObject({ ok: true });
    const csv = (answer('export.csv') as { path: string }).path;
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeffcontact_id,change,/);
  });

  it('ran the sync in out/main/sync-worker.js with its V8 flags in effect inside it', () => {
    expect(report.forks.length).toBeGreaterThanOrEqual(1);
    for (const request of report.forks) {
      expect(request.modulePath).toBe(join(out, 'main/sync-worker.js'));
      expect(request.execArgv).toEqual(['--max-semi-space-size=4', '--expose-gc']);
      expect(request.serviceName).toBe('Amoot Contact Sync – sync');
      // Its stdout is never read, so it is not piped; stderr goes to the log.
      expect(request.stdio).toEqual(['ignore', 'ignore', 'pipe']);
    }
    const probes = readdirSync(probeDir).map(
      (file) => JSON.parse(readFileSync(join(probeDir, file), 'utf8')) as Record<string, unknown>,
    );
    expect(probes.length).toBe(report.forks.length);
    for (const probe of probes) {
      expect(probe['gcExposed']).toBe(true);
      // 4 MB semi-spaces: the young generation stops at 2 × 4 MB (V8's default grows to 32 MB+).
      expect(probe['newSpaceBytes']).toBeLessThanOrEqual(8 * 1024 * 1024);
    }
  });

  it('bundles the Vazirmatn font into the renderer, although it is only a dev dependency', () => {
    const assets = readdirSync(join(out, 'renderer/assets'));
    const fonts = assets.filter((file) => /^vazirmatn-arabic-.*\.woff2$/.test(file));
    expect(fonts).toHaveLength(1);
    const css = assets.filter((file) => file.endsWith('.css'));
    expect(
      css.some((file) =>
        readFileSync(join(out, 'renderer/assets', file), 'utf8').includes(fonts[0]!),
      ),
    ).toBe(true);
  });
});
