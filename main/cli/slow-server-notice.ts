import type { SyncProgress } from '../../common/sync-types.ts';
import { DEFAULT_TIMEOUT_MS } from '../core/amoot/client.ts';
import { cliBilingual } from './cli-wording.ts';

/** How long the server may stay silent before `--verbose` says so (less with a short time-out). */
const SLOW_AFTER_MS = 5000;

/**
 * For `sync --verbose`: a line on stderr, in both languages, each time the server has sent nothing
 * for a while during a request, so a stalled server does not look like a hung command. Waiting
 * between attempts is not silence: the engine said it would wait.
 */
export function slowServerNotice(say: (line: string) => void, timeoutMs: number | undefined) {
  const limitMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const quietMs = Math.min(SLOW_AFTER_MS, Math.max(100, Math.floor(limitMs / 2)));
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
