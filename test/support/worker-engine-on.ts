/**
 * The worker engine over one data folder's real stores, as main wires it, with the log kept for
 * the test to read. Only the launcher (and whatever a test overrides) differs between tests.
 */
import type { OpenedStores } from '../../main/compose/open-stores.ts';
import { systemClock } from '../../main/core/ports/clock.ts';
import type { SyncEngine } from '../../main/core/sync/sync-engine.ts';
import { createWorkerEngine, type WorkerEngineDeps } from '../../main/sync-worker/worker-engine.ts';
import type { LaunchWorker } from '../../main/sync-worker/worker-handle.ts';

export function workerEngineOn(
  stores: OpenedStores,
  dataDir: string,
  launch: LaunchWorker,
  options: { token: string } & Partial<WorkerEngineDeps>,
): { engine: SyncEngine; logs: string[] } {
  const logs: string[] = [];
  const { token, ...overrides } = options;
  const engine = createWorkerEngine({
    launch,
    dataDir,
    history: stores.history,
    mirror: stores.mirror,
    settings: () => stores.settings.get(),
    userAgent: 'worker-engine-test',
    readToken: () => Promise.resolve(token),
    clock: systemClock,
    log: (level, line) => logs.push(`${level}: ${line}`),
    ...overrides,
  });
  return { engine, logs };
}
