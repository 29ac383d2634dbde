/**
 * `npm run trace:sync`: which of the project's source files one scheduled sync runs code in, from
 * the scheduler's timer to the history row, in main's process and in the sync process. It is the
 * map a maintainer follows when reading one sync, measured instead of guessed: the files are the
 * ones V8's coverage saw a function of run (a file whose only code is its module body — types,
 * constants — is not counted, as nothing in it runs for the sync).
 *
 * The app's composition (`openServices`) runs against the simulator with a sync process started
 * as the cli and the tests do, a baseline first, then 10 changed contacts; only the second sync is
 * measured: coverage counters are reset just before its timer fires. Prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { createSecretsInUse } from '../main/desktop/lifecycle/secrets-in-use.ts';
import { openServices } from '../main/desktop/services/services.ts';
import type { Clock, TimerHandle, Timers } from '../main/core/ports/clock.ts';
import type { SyncRunRecord } from '../common/sync-types.ts';
import { nodeProcessLauncher } from '../main/sync-worker/launch-node-process.ts';
import { startSimulator } from '../test/simulator/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FOLDERS = ['main', 'common'].map(
  (folder) => pathToFileURL(path.join(ROOT, folder)).href,
);
const TOKEN = 'trace-sync-token';
const EXIT_ON_SIGTERM = `data:text/javascript,process.on('SIGTERM',()=>process.exit(143))`;

interface ScriptCoverage {
  readonly url: string;
  readonly functions: readonly { readonly ranges: readonly { readonly count: number }[] }[];
}

/** Timers that fire only when told, on a clock that jumps to the moment they were due. */
function manualTime(): { clock: Clock; timers: Timers; fireNext(): boolean } {
  let offsetMs = 0;
  let nextId = 0;
  const pending = new Map<number, { readonly callback: () => void; readonly dueMono: number }>();
  const clock: Clock = {
    nowMs: () => Date.now() + offsetMs,
    monotonicMs: () => performance.now() + offsetMs,
  };
  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = ++nextId;
      pending.set(id, { callback, dueMono: clock.monotonicMs() + ms });
      return id as unknown as TimerHandle;
    },
    clearTimeout: (handle) => void pending.delete(handle as unknown as number),
  };
  return {
    clock,
    timers,
    fireNext() {
      const [id, next] = [...pending].sort(([, a], [, b]) => a.dueMono - b.dueMono)[0] ?? [];
      if (id === undefined || next === undefined) return false;
      pending.delete(id);
      offsetMs += Math.max(0, next.dueMono - clock.monotonicMs());
      next.callback();
      return true;
    },
  };
}

/**
 * Fires timers until a run finishes: the scheduler's wait may be armed in several steps, and while
 * a run goes no timer may be armed at all.
 */
async function nextRun(time: ReturnType<typeof manualTime>, finished: Promise<SyncRunRecord>) {
  let done = false;
  void finished.then(() => (done = true));
  for (let waited = 0; !done; waited++) {
    if (waited > 200) throw new Error('trace: no sync finished in 40 s');
    time.fireNext();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return finished;
}

/**
 * Waits for the report a sync process writes when it exits, which is after its run is recorded
 * (it lingers a moment); returns its file name.
 */
async function syncProcessReport(coverageDir: string, known: Set<string>): Promise<string> {
  for (let waited = 0; waited < 100; waited++) {
    const fresh = readdirSync(coverageDir).find(
      (file) => !known.has(file) && !file.startsWith(`coverage-${process.pid}-`),
    );
    if (fresh !== undefined) return fresh;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('trace: the sync process wrote no coverage report in 10 s');
}

/** The traced run, in a process started with NODE_V8_COVERAGE. */
async function traced(coverageDir: string): Promise<void> {
  const simulator = await startSimulator({ tokens: { [TOKEN]: 'valid' }, contacts: 1000 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'amoot-trace-'));
  const time = manualTime();
  const services = await openServices({
    dataDir,
    fetch: (url, init) => fetch(url, init),
    platform: process.platform,
    appVersion: '0.0.0-trace',
    demo: { baseUrl: simulator.baseUrl, token: TOKEN },
    allowLoopbackHttp: true,
    isOnline: () => true,
    secrets: createSecretsInUse(),
    log: { info() {}, warn() {}, error: (line) => console.error(line) },
    clock: time.clock,
    timers: time.timers,
    launchWorker: nodeProcessLauncher(),
  });
  const runFinished = () =>
    new Promise<SyncRunRecord>((resolve) => {
      const stop = services.runFinished.subscribe((run) => {
        stop();
        resolve(run);
      });
    });
  try {
    services.scheduler.start();
    const baseline = await nextRun(time, runFinished());
    if (baseline.outcome === 'failed' || baseline.outcome === 'cancelled')
      throw new Error(`trace: baseline ${baseline.outcome}`);
    await syncProcessReport(coverageDir, new Set());
    simulator.update(10);
    v8.takeCoverage(); // resets the counters: what follows is the traced sync alone
    const earlier = new Set(readdirSync(coverageDir));
    const run = await nextRun(time, runFinished());
    const [row] = services.history.list({ limit: 1 }).runs;
    if (run.outcome !== 'success' || row?.id !== run.id) throw new Error('trace: no history row');
    v8.takeCoverage();
    const mainReport = readdirSync(coverageDir).filter(
      (file) => !earlier.has(file) && file.startsWith(`coverage-${process.pid}-`),
    );
    const traced = [...mainReport, await syncProcessReport(coverageDir, earlier)];
    console.log(JSON.stringify({ traced }));
  } finally {
    await services.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function filesRun(coverage: { result: readonly ScriptCoverage[] }): string[] {
  return coverage.result
    .filter((script) => SOURCE_FOLDERS.some((folder) => script.url.startsWith(folder + '/')))
    .filter((script) => script.functions.slice(1).some((fn) => (fn.ranges[0]?.count ?? 0) > 0))
    .map((script) => path.relative(ROOT, fileURLToPath(script.url)));
}

function measure(): void {
  const coverageDir = mkdtempSync(path.join(tmpdir(), 'amoot-trace-coverage-'));
  try {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url)],
      {
        env: {
          ...process.env,
          NODE_V8_COVERAGE: coverageDir,
          AMOOT_TRACE_CHILD: '1',
          // Main ends a sync process with SIGTERM once its run is in; a process ended by a signal
          // writes no coverage, one that exits does.
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${EXIT_ON_SIGTERM}`,
        },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (child.status !== 0) throw new Error(`trace: the traced process exited ${child.status}`);
    // Main's own report of the traced sync and the sync process's, which ended before the run did;
    // not the reports of the baseline or of closing.
    const { traced } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
      traced: string[];
    };
    const byProcess = { main: new Set<string>(), syncProcess: new Set<string>() };
    for (const file of traced) {
      const coverage = JSON.parse(readFileSync(path.join(coverageDir, file), 'utf8')) as {
        result: ScriptCoverage[];
      };
      const isSyncProcess = coverage.result.some((s) =>
        s.url.endsWith('/sync-worker/node-entry.ts'),
      );
      for (const source of filesRun(coverage)) {
        (isSyncProcess ? byProcess.syncProcess : byProcess.main).add(source);
      }
    }
    if (byProcess.syncProcess.size === 0) throw new Error('trace: no report of the sync process');
    const all = new Set([...byProcess.main, ...byProcess.syncProcess]);
    const folders = new Set([...all].map((file) => path.dirname(file)));
    console.log(
      JSON.stringify({
        measure: 'files-one-scheduled-sync-runs-code-in',
        files: all.size,
        folders: folders.size,
        main: [...byProcess.main].sort(),
        syncProcess: [...byProcess.syncProcess].sort(),
      }),
    );
  } finally {
    rmSync(coverageDir, { recursive: true, force: true });
  }
}

if (process.env.AMOOT_TRACE_CHILD === '1') await traced(process.env.NODE_V8_COVERAGE ?? '');
else measure();
