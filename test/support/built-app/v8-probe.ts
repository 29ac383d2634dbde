/**
 * Imported first into a sync process a test starts (`--import`, or `NODE_OPTIONS`): writes down,
 * from inside the process, what it runs with — its V8 flags, whether `gc` is exposed, and how
 * large V8 lets the young generation grow — as `<AMOOT_PROBE_DIR>/sync-process-<pid>.json`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';

export interface V8Probe {
  readonly execArgv: string[];
  readonly gcExposed: boolean;
  readonly newSpaceBytes: number | null;
}

const probeDir = process.env['AMOOT_PROBE_DIR'];
if (probeDir === undefined) throw new Error('AMOOT_PROBE_DIR must be set');

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

const probe: V8Probe = {
  execArgv: process.execArgv,
  gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  newSpaceBytes: grownNewSpaceBytes(),
};
writeFileSync(join(probeDir, `sync-process-${process.pid}.json`), JSON.stringify(probe));
