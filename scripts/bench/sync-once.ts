/**
 * One measured sync, in a process of its own so its peak memory is its own: opens the data folder
 * with the app's stores, runs the app's engine once against the simulator, and prints one JSON
 * object with wall time, peak RSS and bytes written. With --query-bench it then times pages of the
 * 100 newest updates. With --full-diff the answer is always parsed and diffed, even when it is
 * identical to the last one (to show what the fingerprint shortcut saves).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStoresEngine } from '../../main/compose/stores-engine.ts';
import { exposedCollector } from '../../main/compose/exposed-collector.ts';
import { openStores } from '../../main/compose/open-stores.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'base-url': { type: 'string' },
    'query-bench': { type: 'boolean' },
    'full-diff': { type: 'boolean' },
  },
});

/** Bytes this process passed to write(2) so far (Linux); the closest honest "bytes written". */
function bytesWritten(): number | null {
  try {
    const line = readFileSync('/proc/self/io', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('wchar:'));
    return line ? Number(line.split(':')[1]) : null;
  } catch {
    return null;
  }
}

const stores = openStores({ dir: values['data-dir'] ?? '' });
const saved = stores.settings.update({ baseUrl: values['base-url'] });
if (!saved.ok) throw new Error(`settings refused: ${saved.message.key}`);
const engine = createStoresEngine(stores, {
  reuseUnchangedAnswers: values['full-diff'] !== true,
  ...exposedCollector(),
  readToken: () => Promise.resolve('bench'),
  fetch,
  userAgent: 'AmootContactSync/bench',
  timeoutMs: 120_000,
  log: (line) => process.stderr.write(`${line}\n`),
});

const writtenBefore = bytesWritten();
const started = performance.now();
const run = await engine.run('cli');
const wallMs = performance.now() - started;
const writtenAfter = bytesWritten();
if (run.outcome !== 'success' && run.outcome !== 'baseline')
  throw new Error(`sync ${run.outcome}: ${run.message?.key}`);

let pageMedianMs: number | undefined;
if (values['query-bench']) {
  const times: number[] = [];
  for (let round = 0; round < 200; round++) {
    const t0 = performance.now();
    const page = stores.mirror.queryUpdates({ order: 'detected-time', limit: 100 });
    times.push(performance.now() - t0);
    if (page.rows.length === 0) throw new Error('no updates to page through');
  }
  times.sort((a, b) => a - b);
  pageMedianMs = times[100];
}
stores.close();

process.stdout.write(
  `${JSON.stringify({
    outcome: run.outcome,
    counts: run.counts,
    wallMs: Math.round(wallMs),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    writtenBytes:
      writtenBefore === null || writtenAfter === null ? null : writtenAfter - writtenBefore,
    ...(pageMedianMs === undefined ? {} : { pageMedianMs }),
  })}\n`,
);
