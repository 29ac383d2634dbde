/**
 * V8's collector, when the process was started with `--expose-gc` (as `npm run cli` and the bench
 * children are), in the shape the sync engine takes: calling it between reading a large answer and
 * diffing it keeps a sync's peak memory bounded. Without the flag, nothing: V8 decides.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function exposedCollector(): { releaseMemory?: () => void } {
  const collect = (globalThis as { gc?: () => void }).gc;
  return collect ? { releaseMemory: () => collect() } : {};
}

/**
 * The collector even where the host did not pass `--expose-gc` through (a utility process whose
 * launcher ignores V8 flags): V8 exposes `gc` to contexts created after the flag is set.
 */
export function ensureCollector(): { releaseMemory?: () => void } {
  const exposed = exposedCollector();
  if (exposed.releaseMemory) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as unknown;
    return typeof collect === 'function' ? { releaseMemory: () => void collect() } : {};
  } catch {
    return {};
  }
}
