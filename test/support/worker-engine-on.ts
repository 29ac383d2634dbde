/**
 * The engine with its steps in a sync process, over one data folder's real stores, as main wires
 * it, with the log kept for the test to read. Only the launcher (and whatever a test overrides)
 * differs between tests.
 */
import type { OpenedStores } from '../../main/compose/open-stores.ts';
import { createStoresEngine, type StoresEngineOptions } from '../../main/compose/stores-engine.ts';
import { systemClock } from '../../main/core/ports/clock.ts';
import type { SyncEngine } from '../../main/core/sync/sync-engine.ts';
import {
  processTransport,
  type ProcessTransportDeps,
} from '../../main/sync-worker/process-transport.ts';
import type { LaunchWorker } from '../../main/sync-worker/protocol.ts';

export function workerEngineOn(
  stores: OpenedStores,
  dataDir: string,
  launch: LaunchWorker,
  options: { token: string } & Partial<ProcessTransportDeps> &
    Partial<Pick<StoresEngineOptions, 'onRunFinished' | 'onProgress' | 'readToken'>>,
): { engine: SyncEngine; logs: string[] } {
  const logs: string[] = [];
  const { token, onRunFinished, onProgress, readToken, ...overrides } = options;
  const engine = createStoresEngine(stores, {
    readToken: readToken ?? (() => Promise.resolve(token)),
    log: (line, level = 'info') => logs.push(`${level}: ${line}`),
    ...(onRunFinished === undefined ? {} : { onRunFinished }),
    ...(onProgress === undefined ? {} : { onProgress }),
    transport: processTransport({
      launch,
      dataDir,
      history: stores.history,
      mirror: stores.mirror,
      userAgent: 'worker-engine-test',
      clock: systemClock,
      ...overrides,
    }),
  });
  return { engine, logs };
}
