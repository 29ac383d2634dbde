/**
 * A sync engine on one data folder's stores, with the system's clock, timers and randomness: how
 * the app (in its own process), the cli, the benchmarks and the tests build theirs. Whatever the
 * caller passes wins (a mirror that reports its commits, a fake clock, a short retry policy).
 * Each run holds the folder's writer lock, first marks what a dead process left `running`, and
 * refuses to sync settings that could not be used.
 */
import path from 'node:path';
import { systemClock, systemTimers } from '../core/ports/clock.ts';
import {
  createSyncEngine,
  recoverInterruptedRuns,
  type SyncEngine,
  type SyncEngineDeps,
} from '../core/sync/sync-engine.ts';
import type { OpenedStores } from './open-stores.ts';

export type StoresEngineOptions = Omit<
  SyncEngineDeps,
  'mirror' | 'history' | 'settings' | 'clock' | 'timers' | 'random'
> &
  Partial<Pick<SyncEngineDeps, 'mirror' | 'clock' | 'timers' | 'random'>>;

export function createStoresEngine(
  stores: Pick<OpenedStores, 'mirror' | 'history' | 'settings'> &
    Partial<Pick<OpenedStores, 'lock' | 'mirrorFile'>>,
  options: StoresEngineOptions,
): SyncEngine {
  return createSyncEngine({
    mirror: stores.mirror,
    history: stores.history,
    settings: () => stores.settings.get(),
    settingsBlocker: () => stores.settings.syncBlocker(),
    recoverInterrupted: () => void recoverInterruptedRuns(stores.history, stores.mirror),
    ...(stores.lock === undefined ? {} : { writerLock: stores.lock }),
    ...(stores.mirrorFile === undefined ? {} : { storePath: path.dirname(stores.mirrorFile) }),
    clock: systemClock,
    timers: systemTimers,
    random: Math.random,
    ...options,
  });
}
