/**
 * App states and history runs as the tray and the notifications receive them, built from a
 * healthy default so each test names only what makes its case.
 */
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { SyncCounts, SyncRunRecord } from '../../../common/sync-types.ts';

/** 27 Nov 2026, 09:30 in Tehran (06:00 UTC). */
export const NOW = Date.UTC(2026, 10, 27, 6, 0);
export const MINUTE = 60_000;
export const TEHRAN = 'Asia/Tehran';

export function counts(changes: Partial<SyncCounts> = {}): SyncCounts {
  return {
    received: 1000,
    added: 0,
    updated: 0,
    deleted: 0,
    restored: 0,
    missing: 0,
    unchanged: 1000,
    ...changes,
  };
}

let nextRunId = 1;

/** A successful run that ended two seconds after it started, three minutes before NOW. */
export function syncRun(overrides: Partial<SyncRunRecord> = {}): SyncRunRecord {
  return {
    id: `run-${nextRunId++}`,
    trigger: 'schedule',
    startedAtMs: NOW - 3 * MINUTE - 2000,
    durationMs: 2000,
    attempts: 1,
    outcome: 'success',
    status: 'Success',
    errorKind: null,
    message: null,
    counts: counts(),
    committed: true,
    warnings: [],
    ...overrides,
  };
}

export function failedRun(
  errorKind: NonNullable<SyncRunRecord['errorKind']>,
  overrides: Partial<SyncRunRecord> = {},
): SyncRunRecord {
  return syncRun({
    outcome: 'failed',
    status: null,
    errorKind,
    message: { key: errorKind === 'auth' ? 'status.Token_Expired' : 'error.network' },
    counts: null,
    committed: false,
    ...overrides,
  });
}

export function appState(overrides: Partial<AppState> = {}): AppState {
  return {
    lastRun: syncRun(),
    nextRunAtMs: NOW + 12 * MINUTE,
    paused: null,
    blocked: null,
    online: true,
    syncing: false,
    storeRecoveries: [],
    token: { present: true, backend: 'keychain', persistent: true },
    ...overrides,
  };
}
