/**
 * The app's state as the window and the tray see it, put together in one place from the services
 * that each know a part: the scheduler (paused, blocked, next run), the engine (a run going), the
 * history (the newest run), the token's vault, the stores' start-up repairs and the network.
 * Whoever shows the state reads it here and hears of every change, only when something differs.
 */
import type { AppState, PauseInfo } from '../../../common/ipc/app-state.ts';
import type { StoreRecovery, TokenStatus } from '../../../common/ipc/view-types.ts';
import type { SyncProgress, SyncRunRecord } from '../../../common/sync-types.ts';
import type { HistoryStore } from '../../core/ports/history-store.ts';
import type { SchedulerState, SyncScheduler } from '../../core/scheduler/scheduler-types.ts';
import { createSignal, type Signal } from '../../core/signal.ts';

export interface AppStateHubDeps {
  readonly scheduler: Pick<SyncScheduler, 'state' | 'onStateChange'>;
  /** `engine.isRunning`: true from the moment a run starts until its record is final. */
  readonly engineRunning: () => boolean;
  readonly history: Pick<HistoryStore, 'list'>;
  readonly tokens: {
    status(): Promise<TokenStatus>;
    onChange(listener: (status: TokenStatus) => void): () => void;
  };
  readonly progress: Pick<Signal<SyncProgress>, 'subscribe'>;
  readonly runFinished: Pick<Signal<SyncRunRecord>, 'subscribe'>;
  readonly recoveries: readonly StoreRecovery[];
  /** The token's status read once before the hub starts, so the first state is already right. */
  readonly initialToken: TokenStatus;
  readonly initialOnline: boolean;
  readonly onError: (error: unknown) => void;
}

export interface AppStateHub {
  state(): AppState;
  /** Listens to every change; returns the function that stops listening. */
  subscribe(listener: (state: AppState) => void): () => void;
  /** Reads history and scheduler again (after history.clear, for example). */
  refresh(): void;
  /** Reads the token's status again: a keychain that was locked may have been unlocked. */
  refreshToken(): Promise<void>;
  setOnline(online: boolean): void;
  dispose(): void;
}

export function createAppStateHub(deps: AppStateHubDeps): AppStateHub {
  const changed = createSignal<AppState>(deps.onError);
  let token = contractStatus(deps.initialToken);
  let online = deps.initialOnline;
  let current = compute();
  let shown = JSON.stringify(current);
  let lastRunId: string | null = null;

  function compute(): AppState {
    const scheduler = deps.scheduler.state();
    return {
      lastRun: deps.history.list({ limit: 1 }).runs[0] ?? null,
      nextRunAtMs: scheduler.nextRunAtMs,
      paused: pauseInfo(scheduler),
      blocked: scheduler.blocked,
      online,
      syncing: scheduler.running || deps.engineRunning(),
      storeRecoveries: deps.recoveries,
      token,
    };
  }

  function refresh(): void {
    let next: AppState;
    try {
      next = compute();
    } catch (error) {
      // A history file that cannot be read right now: keep showing the last good state.
      deps.onError(error);
      return;
    }
    const text = JSON.stringify(next);
    if (text === shown) return;
    current = next;
    shown = text;
    changed.emit(next);
  }

  async function refreshToken(): Promise<void> {
    try {
      token = contractStatus(await deps.tokens.status());
    } catch (error) {
      deps.onError(error);
    }
    refresh();
  }

  const unsubscribe = [
    deps.scheduler.onStateChange(() => refresh()),
    deps.tokens.onChange((status) => {
      token = contractStatus(status);
      refresh();
    }),
    // A new run shows as soon as its first progress arrives (its history entry exists by then);
    // later progress of the same run changes nothing here and goes to the window on its own.
    deps.progress.subscribe((progress) => {
      if (progress.runId === lastRunId) return;
      lastRunId = progress.runId;
      refresh();
    }),
    deps.runFinished.subscribe(() => {
      refresh();
      // A run that found the token refused, or could not read it, changes what the tray says.
      void refreshToken();
    }),
  ];

  return {
    state: () => current,
    subscribe: (listener) => changed.subscribe(listener),
    refresh,
    refreshToken,
    setOnline(value) {
      online = value;
      refresh();
    },
    dispose() {
      for (const stop of unsubscribe) stop();
      changed.clear();
    },
  };
}

function pauseInfo(state: SchedulerState): PauseInfo | null {
  if (!state.paused) return null;
  if (state.pausedUntilResumed || state.pausedUntilMs === null) return { untilResumed: true };
  return { untilResumed: false, untilMs: state.pausedUntilMs };
}

/**
 * Exactly the fields the window may see, whatever else a vault reports: the object crosses IPC,
 * and nothing may ride along with it.
 */
export function contractStatus(status: TokenStatus): TokenStatus {
  return {
    present: status.present,
    backend: status.backend,
    persistent: status.persistent,
    ...(status.problem === undefined ? {} : { problem: status.problem }),
  };
}
