/**
 * The app's status as main last pushed it. Loaded once, then kept fresh only by `state.changed`
 * and `sync.progress` events (DESIGN.md "IPC": the window never polls).
 */
import type { AppState } from '../../../common/ipc/app-state.ts';
import type { SyncProgress } from '../../../common/sync-types.ts';
import type { AmootApi } from '../../../common/ipc/bridge.ts';

export class AppStateStore {
  state = $state<AppState | null>(null);
  /** The running sync's progress; cleared when a state without a running sync arrives. */
  progress = $state<SyncProgress | null>(null);
  loadFailed = $state(false);

  readonly #api: AmootApi;
  #stops: (() => void)[] = [];
  /** Set once an event delivered a state, so a slower initial `state.get` cannot overwrite it. */
  #fresh = false;

  constructor(api: AmootApi) {
    this.#api = api;
  }

  /** Listens first, then asks, so no change between the two is lost. */
  async start(): Promise<void> {
    this.#stops.push(
      this.#api.on('state.changed', (next) => this.#accept(next)),
      this.#api.on('sync.progress', (progress) => {
        this.progress = progress;
      }),
    );
    try {
      const initial = await this.#api.state.get();
      if (!this.#fresh) this.#accept(initial);
    } catch {
      this.loadFailed = true;
    }
  }

  dispose(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  #accept(next: AppState): void {
    this.#fresh = true;
    this.loadFailed = false;
    this.state = next;
    if (!next.syncing) this.progress = null;
  }
}
