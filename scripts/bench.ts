/**
 * `npm run bench`: the sync measured at 10 000, 100 000 and 1 000 000 contacts served by the
 * simulator on loopback. One JSON line per measurement. Each sync runs in a fresh process (its peak
 * RSS is its own); the yardstick, JSON.parse of the very same body, is measured in the same run.
 *
 * Targets at a million contacts: first sync ≤ 4× JSON.parse; no-change sync ≤ 2× JSON.parse and
 * ≤ 64 KB written; a page of 100 latest updates ≤ 10 ms median; peak RSS ≤ 4× body + 150 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulatorProcess } from './bench/simulator-process.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, 'default-heap': { type: 'boolean' } },
});
const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map(Number);
const node = [
  process.execPath,
  '--experimental-strip-types',
  '--disable-warning=ExperimentalWarning',
];
const here = path.dirname(new URL(import.meta.url).pathname);
const MB = 1024 * 1024;

/**
 * V8 flags of the process that syncs, as the cli runs it (package.json `cli`): a small young
 * generation, since a sync allocates a million short-lived values and a large nursery only
 * inflates peak memory (measured: same time, about 100 MB less at a million contacts).
 * `--default-heap` measures V8's defaults instead.
 */
const SYNC_FLAGS = process.argv.includes('--default-heap')
  ? []
  : ['--max-semi-space-size=4', '--expose-gc'];

function runChild(
  script: string,
  args: string[],
  flags: readonly string[] = [],
): Record<string, unknown> {
  const out = execFileSync(
    node[0] ?? 'node',
    [...flags, ...node.slice(1), path.join(here, script), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

for (const contacts of sizes) {
  const sim = await startSimulatorProcess(contacts, 'bench');
  const dir = mkdtempSync(path.join(tmpdir(), 'amoot-bench-'));
  try {
    const yard = runChild('bench/json-parse-yardstick.ts', ['--base-url', sim.baseUrl]);
    const jsonParseMs = Number(yard['jsonParseMs']);
    const bodyBytes = Number(yard['bodyBytes']);
    const rssLimit = 4 * bodyBytes + 150 * MB;
    const common = { contacts, bodyMB: round(bodyBytes / MB), jsonParseMs: round(jsonParseMs, 1) };
    const sync = (args: string[] = []) =>
      runChild(
        'bench/sync-once.ts',
        ['--data-dir', dir, '--base-url', sim.baseUrl, ...args],
        SYNC_FLAGS,
      );
    const report = (
      measure: string,
      result: Record<string, unknown>,
      target: Record<string, unknown>,
    ) => {
      const wallMs = Number(result['wallMs']);
      const peak = Number(result['peakRssBytes']);
      print({
        measure,
        ...common,
        wallMs,
        xJsonParse: round(wallMs / jsonParseMs),
        peakRssMB: round(peak / MB),
        rssLimitMB: round(rssLimit / MB),
        writtenKB:
          result['writtenBytes'] === null ? null : round(Number(result['writtenBytes']) / 1024, 1),
        counts: result['counts'],
        ...target,
        rssOk: peak <= rssLimit,
      });
    };

    const first = sync();
    report('first-sync', first, {
      target: '≤4× JSON.parse',
      ok: Number(first['wallMs']) <= 4 * jsonParseMs,
    });
    const same = sync();
    report('no-change-sync', same, {
      target: '≤2× JSON.parse, ≤64 KB written',
      ok: Number(same['wallMs']) <= 2 * jsonParseMs && Number(same['writtenBytes']) <= 64 * 1024,
    });
    const fullDiff = sync(['--full-diff']);
    report('no-change-sync-full-diff', fullDiff, {
      target: 'informational: the same answer parsed and diffed',
    });
    await sim.update(Math.max(1, contacts / 100));
    const onePercent = sync(['--query-bench']);
    report('one-percent-changed-sync', onePercent, { target: 'informational' });
    const page = (measure: string, result: Record<string, unknown>, logRows: number) =>
      print({
        measure,
        ...common,
        changeLogRows: logRows,
        medianMs: result['pageMedianMs'],
        target: '≤10 ms median',
        ok: Number(result['pageMedianMs']) <= 10,
      });
    page('page-of-100-latest', onePercent, Math.max(1, contacts / 100));
    // Every contact changes at once: the change log then holds as many rows as the mirror.
    await sim.update(contacts);
    const allChanged = sync(['--query-bench']);
    report('all-changed-sync', allChanged, { target: 'informational' });
    page('page-of-100-latest-full-log', allChanged, contacts + Math.max(1, contacts / 100));
  } finally {
    sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
