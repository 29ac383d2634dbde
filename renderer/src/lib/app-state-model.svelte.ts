/**
 * The app's status as main last pushed it. Loaded once, then kept fresh only by `state.changed`
 * and `sync.progress` events (DESIGN.md "IPC": the window never polls).
 */
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { SyncProgress } from '../../../common/sync-types.ts';
import type { AmootApi } from '../../../common/ipc/bridge.ts';

/**
 * `waiting` until main first answers; `unreachable` when the first `state.get` failed and no event
 * has brought a state either; `live` from the first state on, whether an event or the initial
 * answer brought it (a slower initial answer then no longer counts).
 */
export type AppStatePhase =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'live'; readonly state: AppState };

export class AppStateModel {
  #phase = $state.raw<AppStatePhase>({ kind: 'waiting' });
  #progress = $state.raw<SyncProgress | null>(null);

  readonly #api: AmootApi;
  #stops: (() => void)[] = [];

  constructor(api: AmootApi) {
    this.#api = api;
  }

  /** The status main last sent; null until the first one arrived. */
  get state(): AppState | null {
    return this.#phase.kind === 'live' ? this.#phase.state : null;
  }

  /** The running sync's progress; cleared when a state without a running sync arrives. */
  get progress(): SyncProgress | null {
    return this.#progress;
  }

  /** Main could not be asked for the status, and has not sent one since. */
  get loadFailed(): boolean {
    return this.#phase.kind === 'unreachable';
  }

  /** Listens first, then asks, so no change between the two is lost. */
  async start(): Promise<void> {
    this.#stops.push(
      this.#api.on('state.changed', (next) => this.#accept(next)),
      this.#api.on('sync.progress', (progress) => {
        this.#progress = progress;
      }),
    );
    try {
      const initial = await this.#api.state.get();
      if (this.#phase.kind !== 'live') this.#accept(initial);
    } catch {
      if (this.#phase.kind !== 'live') this.#phase = { kind: 'unreachable' };
    }
  }

  dispose(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  #accept(next: AppState): void {
    this.#phase = { kind: 'live', state: next };
    if (!next.syncing) this.#progress = null;
  }
}
