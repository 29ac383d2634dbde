/**
 * Sync now, as the header's button and the banners' "Try again now" press it. Main rate-limits
 * manual syncs (a page in a loop must not hammer the API), and answers a press that comes too
 * soon with when to try again: that wait is kept here, for the header to show until it is over.
 */
import type { SyncNowResult } from '../../../common/ipc/app-state.ts';

export class ManualSyncModel {
  #starting = $state(false);
  #waitSeconds = $state<number | null>(null);

  readonly #sync: () => Promise<SyncNowResult>;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(sync: () => Promise<SyncNowResult>, now: () => number = Date.now) {
    this.#sync = sync;
    this.#now = now;
  }

  /** From the press until main answers, so a second press cannot start a second run. */
  get starting(): boolean {
    return this.#starting;
  }

  /**
   * Whole seconds to wait, when main said the last press came too soon; null otherwise. A press
   * while waiting keeps it shown until main answers that one.
   */
  get waitSeconds(): number | null {
    return this.#waitSeconds;
  }

  async start(): Promise<void> {
    if (this.#starting) return;
    this.#starting = true;
    try {
      const result = await this.#sync();
      if (!result.ok && 'tooSoon' in result) this.#wait(result.retryAtMs);
      else this.#clear();
    } catch {
      // The outcome reaches the window as a state change (history, banners); nothing to add here.
    } finally {
      this.#starting = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }

  #wait(retryAtMs: number): void {
    const waitMs = Math.max(0, retryAtMs - this.#now());
    this.#waitSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#clear(), waitMs);
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#waitSeconds = null;
  }
}
