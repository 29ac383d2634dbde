/**
 * Loaded (`--import`) before the built sync process (`out/main/sync-worker.js`) in a Node child:
 * gives it what an Electron utility process has — `process.parentPort` over the IPC channel, and
 * `electron`'s `net` — and writes down what the process was started with, from inside it: its
 * V8 flags, whether `gc` is exposed, and how large V8 made the young generation.
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { redirectBundleImports } from './module-hooks.ts';

const outDir = process.env['AMOOT_BUNDLE_OUT'];
const probeDir = process.env['AMOOT_PROBE_DIR'];
if (outDir === undefined || probeDir === undefined) {
  throw new Error('AMOOT_BUNDLE_OUT and AMOOT_PROBE_DIR must be set');
}
redirectBundleImports(outDir, { electron: join(import.meta.dirname, 'utility-electron.ts') });

/** Electron's parentPort: messages arrive as `{ data }` events, `postMessage` sends back. */
class ParentPort extends EventEmitter {
  postMessage(message: unknown): void {
    process.send?.(message);
  }
}
const port = new ParentPort();
process.on('message', (message) => port.emit('message', { data: message }));
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: port });

/**
 * V8 starts the young generation small and grows it under allocation up to the semi-space limit:
 * short-lived garbage, as a large account's answer makes, shows the limit this process runs with.
 */
function grownNewSpaceBytes(): number | null {
  let kept: number[][] = [];
  for (let i = 0; i < 2_000_000; i += 1) {
    kept.push([i]);
    if (kept.length > 50_000) kept = [];
  }
  const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return newSpace?.space_size ?? null;
}

writeFileSync(
  join(probeDir, `sync-process-${process.pid}.json`),
  JSON.stringify({
    execArgv: process.execArgv,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    newSpaceBytes: grownNewSpaceBytes(),
  }),
);
