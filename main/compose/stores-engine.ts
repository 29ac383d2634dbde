/**
 * The sync engine on one data folder's stores, as the app, the cli, the benchmarks and the tests
 * build it: the same engine everywhere, only the transport differs. Without one, the steps run in
 * this process on the folder's mirror with the system's clock, timers and randomness; whatever
 * the caller passes wins (a mirror that reports its commits, a fake clock, a short retry policy,
 * or `processTransport` for a sync process of its own). Each run holds the folder's writer lock,
 * first marks what a dead process left `running`, and refuses to sync settings that could not be
 * used.
 */
import path from 'node:path';
import { systemClock, systemTimers } from '../core/ports/clock.ts';
import { inProcessTransport, type InProcessDeps } from '../core/sync/in-process-transport.ts';
import {
  createSyncEngine,
  recoverInterruptedRuns,
  type SyncEngine,
  type SyncEngineDeps,
  type SyncTransport,
} from '../core/sync/sync-engine.ts';
import type { OpenedStores } from './open-stores.ts';

export type StoresEngineOptions = Pick<SyncEngineDeps, 'readToken'> &
  Partial<
    Pick<SyncEngineDeps, 'onProgress' | 'onRunFinished' | 'log' | 'lockWaitMs'> &
      Omit<InProcessDeps, 'fetch' | 'userAgent' | 'storePath'>
  > &
  (
    | Pick<InProcessDeps, 'fetch' | 'userAgent'>
    | { readonly transport: SyncTransport; readonly clock?: InProcessDeps['clock'] }
  );

export function createStoresEngine(
  stores: Pick<OpenedStores, 'mirror' | 'history' | 'settings'> &
    Partial<Pick<OpenedStores, 'lock' | 'mirrorFile'>>,
  options: StoresEngineOptions,
): SyncEngine {
  const storePath = stores.mirrorFile === undefined ? undefined : path.dirname(stores.mirrorFile);
  const clock = options.clock ?? systemClock;
  const transport =
    'transport' in options
      ? options.transport
      : inProcessTransport({
          mirror: stores.mirror,
          timers: systemTimers,
          random: Math.random,
          ...(storePath === undefined ? {} : { storePath }),
          ...options,
          clock,
        });
  return createSyncEngine({
    transport,
    history: stores.history,
    settings: () => stores.settings.get(),
    settingsBlocker: () => stores.settings.syncBlocker(),
    recoverInterrupted: () => void recoverInterruptedRuns(stores.history, stores.mirror),
    ...(stores.lock === undefined ? {} : { writerLock: stores.lock }),
    ...(storePath === undefined ? {} : { storePath }),
    readToken: options.readToken,
    clock,
    ...pick(options, ['onProgress', 'onRunFinished', 'log', 'lockWaitMs']),
  });
}

/** The keys of `source` among `keys` that are set: optional members stay absent, not undefined. */
function pick<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
