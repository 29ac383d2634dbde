/**
 * Sync now, as the window may press it. The window is untrusted (DESIGN.md, "IPC"): a page calling
 * `sync.now` in a loop would keep AmootSMS busy with the user's token, fill the history and wear
 * the account's rate limit. So a press while the window's previous one is still going joins it
 * (the same answer, no extra run), and a new start within the cooldown of the previous start is
 * answered "too soon", with the moment it may be pressed again. Measured on the monotonic clock, so
 * setting the wall clock back cannot lift it. The tray and `--sync-now` are not limited: those are
 * main's own, real clicks and launches, which a page cannot make.
 */
import type { SyncNowResult } from '../../../common/ipc/app-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncResult } from './scheduler-types.ts';

/** Long enough that a loop cannot hammer the API, short enough that a person hardly meets it. */
export const MANUAL_SYNC_COOLDOWN_MS = 10_000;

export interface ManualSyncLimitDeps {
  /** The scheduler's `requestSync('manual')`. */
  readonly requestSync: () => Promise<SyncResult>;
  readonly clock: Clock;
  readonly cooldownMs?: number;
}

export function limitManualSyncs(deps: ManualSyncLimitDeps): () => Promise<SyncNowResult> {
  const { clock } = deps;
  const cooldownMs = deps.cooldownMs ?? MANUAL_SYNC_COOLDOWN_MS;
  let going: Promise<SyncResult> | null = null;
  let startedAtMono: number | null = null;

  return () => {
    if (going !== null) return going;
    const now = clock.monotonicMs();
    const waitMs = startedAtMono === null ? 0 : startedAtMono + cooldownMs - now;
    if (waitMs > 0) {
      return Promise.resolve({
        ok: false,
        tooSoon: true,
        retryAtMs: Math.ceil(clock.nowMs() + waitMs),
      });
    }
    startedAtMono = now;
    const request = deps.requestSync().finally(() => {
      if (going === request) going = null;
    });
    going = request;
    return request;
  };
}
