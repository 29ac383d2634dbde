import type { SyncProgress } from '../../common/sync-types.ts';
import { DEFAULT_TIMEOUT_MS } from '../core/amoot/client.ts';
import { cliBilingual } from './cli-wording.ts';

/**
 * Whether a slow server is worth a line on stderr: always with `--verbose`, and whenever a person
 * watches the terminal (stderr is a TTY) — a stalled server must not look like a hung command.
 * A script reading stderr from a pipe gets no unasked lines.
 */
export function wantsSlowNotice(verbose: boolean, stderr: unknown): boolean {
  return verbose || (stderr as { isTTY?: unknown } | null)?.isTTY === true;
}

/** How long the server may stay silent before the notice (less with a short time-out). */
const SLOW_AFTER_MS = 5000;

/**
 * For `sync` and `fetch` (see `wantsSlowNotice`): a line on stderr, in both languages, each time the server has sent nothing
 * for a while during a request, so a stalled server does not look like a hung command. Waiting
 * between attempts is not silence: the engine said it would wait.
 */
export function slowServerNotice(say: (line: string) => void, timeoutMs: number | undefined) {
  const limitMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A third, not a half: the ticks start with the command, so a half could land just as the attempt
  // times out and say nothing.
  const quietMs = Math.min(SLOW_AFTER_MS, Math.max(100, Math.floor(limitMs / 3)));
  let lastMs = Date.now();
  let waiting = false;
  const timer = setInterval(() => {
    const silentMs = Date.now() - lastMs;
    if (!waiting || silentMs < quietMs) return;
    const { en, fa } = cliBilingual({
      key: 'cli.server-slow',
      params: { seconds: inSeconds(silentMs), limit: inSeconds(limitMs) },
    });
    say(`${en}\n${fa}`);
  }, quietMs);
  timer.unref();
  return {
    progress(progress: SyncProgress): void {
      lastMs = Date.now();
      waiting = progress.phase === 'connecting' || progress.phase === 'downloading';
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

/** Seconds with one decimal below ten (a 0.4 s time-out is not "0 s"), whole ones above. */
function inSeconds(ms: number): number {
  return ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000);
}
