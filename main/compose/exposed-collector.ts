/**
 * V8's collector, when the process was started with `--expose-gc` (as `npm run cli` and the bench
 * children are), in the shape the sync engine takes: calling it between reading a large answer and
 * diffing it keeps a sync's peak memory bounded. Without the flag, nothing: V8 decides.
 */
export function exposedCollector(): { releaseMemory?: () => void } {
  const collect = (globalThis as { gc?: () => void }).gc;
  return collect ? { releaseMemory: () => collect() } : {};
}
