/**
 * A stand-in for `window.amoot`: every call is a spy with a plausible answer, and `emit` plays
 * main's side of an event, so a component test drives the window as main would.
 */
import { vi } from 'vitest';
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { AmootBridge, EventListener } from '../../../common/ipc/bridge.ts';
import type {
  ClipboardReadResult,
  ConfirmedActionResult,
  EventChannel,
  PayloadOf,
} from '../../../common/ipc/contract.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings.ts';
import type { SyncRunRecord } from '../../../common/sync-types.ts';

export const NOW = Date.UTC(2025, 2, 21, 10, 0); // 1 Farvardin 1404, 13:30 in Tehran

export function run(overrides: Partial<SyncRunRecord> = {}): SyncRunRecord {
  return {
    id: 'run-1',
    trigger: 'schedule',
    startedAtMs: NOW - 5 * 60_000,
    durationMs: 1200,
    attempts: 1,
    outcome: 'success',
    status: 'Success',
    errorKind: null,
    message: null,
    counts: {
      received: 10,
      added: 1,
      updated: 2,
      deleted: 0,
      restored: 0,
      missing: 0,
      unchanged: 7,
    },
    committed: true,
    warnings: [],
    ...overrides,
  };
}

export function appState(overrides: Partial<AppState> = {}): AppState {
  return {
    lastRun: run(),
    nextRunAtMs: NOW + 10 * 60_000,
    paused: null,
    blocked: null,
    online: true,
    syncing: false,
    storeRecoveries: [],
    token: { present: true, backend: 'keychain', persistent: true },
    ...overrides,
  };
}

export interface FakeApi {
  readonly api: AmootBridge;
  emit<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
  listenerCount(event: EventChannel): number;
}

export interface FakeApiOptions {
  state?: AppState;
  settings?: Partial<Settings>;
  /** Node's platform name the preload reports; 'linux' unless given. */
  platform?: string;
  /** The app's version the preload reports; '1.2.3' unless given (null: main passed none). */
  version?: string | null;
}

export function fakeApi(options: FakeApiOptions = {}): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const api = {
    version: options.version === undefined ? '1.2.3' : options.version,
    platform: options.platform ?? 'linux',
    on: <E extends EventChannel>(event: E, listener: EventListener<E>) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    state: { get: vi.fn(async () => options.state ?? appState()) },
    sync: {
      now: vi.fn(async () => ({ ok: true }) as const),
      cancel: vi.fn(async () => {}),
      pause: vi.fn(async () => {}),
      resume: vi.fn(async () => {}),
    },
    updates: {
      page: vi.fn(async () => ({
        rows: [
          {
            seq: 1,
            id: '9223372036854775807',
            kind: 'added' as const,
            updatedAtMs: NOW - 3_600_000,
            detectedAtMs: NOW - 60_000,
            runId: 'run-1',
          },
        ],
        total: 1,
        totalsByKind: { added: 1, updated: 0, deleted: 0, restored: 0, missing: 0 },
      })),
    },
    history: {
      page: vi.fn(async () => ({ runs: [run()], total: 1 })),
      clear: vi.fn(async (): Promise<ConfirmedActionResult> => ({ ok: true })),
    },
    settings: {
      get: vi.fn(async () => settings),
      set: vi.fn(async (patch: Partial<Settings>) => {
        settings = { ...settings, ...patch };
        return { ok: true, settings } as const;
      }),
    },
    token: {
      status: vi.fn(
        async () => ({ present: true, backend: 'keychain', persistent: true }) as const,
      ),
      set: vi.fn(async () => ({ ok: true }) as const),
      test: vi.fn(async () => ({ ok: true }) as const),
      clear: vi.fn(async () => ({ ok: true }) as const),
    },
    export: { csv: vi.fn(async () => ({ ok: false, cancelled: true }) as const) },
    logs: { open: vi.fn(async () => ({ ok: true }) as const) },
    clipboard: {
      read: vi.fn(async (): Promise<ClipboardReadResult> => ({ ok: false, refused: 'no-token' })),
      write: vi.fn(async (_args: { text: string }) => {}),
    },
  } satisfies AmootBridge;
  return {
    api,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
