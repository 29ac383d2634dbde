/**
 * `npm run bench:responsiveness`: how long main's event loop stalls while a sync runs, with the
 * sync in main's own process (as before) and in a sync process (as the app does now). Main's stall
 * is what a user feels: the tray menu, the window's calls and its events wait that long.
 *
 * The loop is sampled by a 10 ms interval timer: the largest gap between ticks, minus 10 ms, is
 * the longest stall. The simulator serves from its own process. One JSON line per measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStores } from '../main/compose/open-stores.ts';
import { createStoresEngine } from '../main/compose/stores-engine.ts';
import { systemClock } from '../main/core/ports/clock.ts';
import type { SyncEngine } from '../main/core/sync/sync-engine.ts';
import { nodeProcessLauncher } from '../main/sync-worker/launch-node-process.ts';
import { processTransport } from '../main/sync-worker/process-transport.ts';
import { startSimulatorProcess } from './bench/simulator-process.ts';

const { values } = parseArgs({ options: { contacts: { type: 'string' } } });
const contacts = Number(values.contacts ?? 1_000_000);
const TOKEN = 'bench-responsiveness';
const TICK_MS = 10;

/** Runs `work` while sampling the event loop; returns its duration and the longest stall. */
async function sampled(work: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearInterval(ticker);
  return { ms: Math.round(ms), stallMs: Math.round(Math.max(worst, performance.now() - last)) };
}

const sim = await startSimulatorProcess(contacts, TOKEN);
try {
  for (const where of ['main process', 'sync process'] as const) {
    const dir = mkdtempSync(path.join(tmpdir(), 'amoot-responsiveness-'));
    const stores = openStores({ dir });
    try {
      stores.settings.update({ baseUrl: sim.baseUrl });
      // The same engine both times; only where its steps run differs.
      const engine: SyncEngine = createStoresEngine(stores, {
        readToken: () => Promise.resolve(TOKEN),
        fetch: (url, init) => fetch(url, init),
        userAgent: 'bench',
        ...(where === 'main process'
          ? {}
          : {
              transport: processTransport({
                launch: nodeProcessLauncher(),
                dataDir: dir,
                history: stores.history,
                mirror: stores.mirror,
                userAgent: 'bench',
                clock: systemClock,
              }),
            }),
      });
      const first = await sampled(() => engine.run('manual'));
      await sim.update(Math.max(1, contacts / 100));
      const changed = await sampled(() => engine.run('manual'));
      const query = await sampled(async () =>
        stores.mirror.queryUpdates({ order: 'detected-time', limit: 100 }),
      );
      process.stdout.write(
        `${JSON.stringify({
          measure: 'main-event-loop-stall',
          syncIn: where,
          contacts,
          firstSyncMs: first.ms,
          firstSyncLongestStallMs: first.stallMs,
          onePercentSyncMs: changed.ms,
          onePercentLongestStallMs: changed.stallMs,
          pageOf100Ms: query.ms,
        })}\n`,
      );
    } finally {
      stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  sim.stop();
}
