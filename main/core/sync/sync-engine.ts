import { randomUUID } from 'node:crypto';
import type { LocalizedMessage } from '../../../common/i18n/format-message.ts';
import type { Settings } from '../../../common/settings.ts';
import type {
  SyncPhase,
  SyncProgress,
  SyncRunRecord,
  SyncTrigger,
} from '../../../common/sync-types.ts';
import { amootError, type AmootError } from '../amoot/amoot-error.ts';
import { fetchContactUpdates, type ContactUpdatesResult } from '../amoot/client.ts';
import type { FetchFunction } from '../amoot/guarded-request.ts';
import type { Clock, Timers } from '../ports/clock.ts';
import type { ContactMirror } from '../ports/contact-mirror.ts';
import type { HistoryStore } from '../ports/history-store.ts';
import { diffAgainstMirror } from './diff.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  retryDelayMs,
  type RetryPolicy,
} from './retry-policy.ts';
import { failedRun, startedRun, succeededRun, unchangedCounts } from './run-record.ts';

export interface SyncEngineDeps {
  readonly mirror: ContactMirror;
  /** Where runs are recorded as they start and end (the history store, or main's through a worker). */
  readonly history: RunJournal;
  readonly settings: () => Settings;
  /**
   * Read from the vault for each run and dropped after it: the engine never keeps the token. An
   * error carrying a `localized` message (the vault's own) fails the run with that message.
   */
  readonly readToken: () => Promise<string | null>;
  readonly fetch: FetchFunction;
  readonly userAgent: string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: () => number;
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
  readonly newRunId?: () => string;
  /**
   * Skip parsing an answer byte-identical to the last applied one (default true). Off only to
   * measure the full path.
   */
  readonly reuseUnchangedAnswers?: boolean;
  /**
   * Called between reading the answer and diffing it against a non-empty mirror, when the body
   * (tens of MB at a million contacts) has just become garbage. A host that exposes V8's collector passes it here so that
   * memory is returned before the diff's own allocations, instead of at V8's next full collection:
   * it bounds the sync's peak memory. Absent: V8 decides.
   */
  readonly releaseMemory?: () => void;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onRunFinished?: (run: SyncRunRecord) => void;
  /** Technical lines for the log file; never given the token. */
  readonly log?: (line: string) => void;
}

export interface SyncEngine {
  /** Runs one sync, or joins the one already running (single flight). */
  run(trigger: SyncTrigger): Promise<SyncRunRecord>;
  /** Cancels the running sync, if any; it ends as `cancelled` with the stores untouched. */
  cancel(): void;
  isRunning(): boolean;
}

/** The part of the history a run writes: its entry at the start and its final form at the end. */
export type RunJournal = Pick<HistoryStore, 'begin' | 'finish'>;

/**
 * At start-up (and after a sync process died): runs left `running` become `interrupted`, and the
 * mirror's last commit tells whether each one's changes landed.
 */
export function recoverInterruptedRuns(
  history: Pick<HistoryStore, 'recoverInterrupted'>,
  mirror: Pick<ContactMirror, 'lastCommit'>,
): SyncRunRecord[] {
  return history.recoverInterrupted((runId) => mirror.lastCommit()?.runId === runId);
}

/**
 * One sync is fetch → parse → diff → commit. The mirror and change log change only in the commit,
 * a single SQLite transaction at the very end, so a run that fails, is cancelled or crashes earlier
 * leaves them exactly as they were; history records the run before and after the commit.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;
  let current: { promise: Promise<SyncRunRecord>; controller: AbortController } | null = null;

  const run = (trigger: SyncTrigger): Promise<SyncRunRecord> => {
    if (current) return current.promise;
    const controller = new AbortController();
    const promise = execute(trigger, controller.signal).finally(() => {
      current = null;
    });
    current = { promise, controller };
    return promise;
  };

  async function execute(trigger: SyncTrigger, signal: AbortSignal): Promise<SyncRunRecord> {
    const runId = deps.newRunId?.() ?? randomUUID();
    const startedAt = deps.clock.monotonicMs();
    const started = startedRun(runId, trigger, deps.clock.nowMs());
    const elapsed = () => Math.round(deps.clock.monotonicMs() - startedAt);
    deps.history.begin(started);
    let attempts = 0;
    const progress = (phase: SyncPhase, bytesReceived = 0, retryAtMs?: number) =>
      deps.onProgress?.({
        runId,
        phase,
        attempt: attempts,
        bytesReceived,
        ...(retryAtMs === undefined ? {} : { retryAtMs }),
      });

    const finish = (record: SyncRunRecord): SyncRunRecord => {
      deps.history.finish(record);
      deps.onRunFinished?.(record);
      return record;
    };
    const fail = (error: AmootError) => {
      deps.log?.(`sync ${runId} ${trigger} failed (${error.kind}): ${error.detail}`);
      return finish(failedRun(started, { durationMs: elapsed(), attempts, error }));
    };

    try {
      let token: string | null;
      try {
        token = await deps.readToken();
      } catch (error) {
        // The vault could not be read (a locked keychain, an unreadable saved file): say so in the
        // vault's own words rather than as an unexpected problem; a later run may succeed.
        const localized = localizedOf(error);
        if (localized === null) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        return fail(amootError('unknown', localized, `token unreadable: ${detail}`));
      }
      if (token === null)
        return fail(amootError('auth', { key: 'token.missing' }, 'no token stored'));
      const settings = deps.settings();
      const lastCommit = deps.mirror.lastCommit();

      let result: ContactUpdatesResult;
      for (;;) {
        attempts++;
        progress('connecting');
        result = await fetchContactUpdates({
          token,
          contactGroupId: settings.contactGroupId,
          baseUrl: settings.baseUrl,
          serverTimeZone: settings.serverTimeZone,
          fetch: deps.fetch,
          userAgent: deps.userAgent,
          signal,
          onProgress: (bytes) => progress('downloading', bytes),
          ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
          ...(lastCommit && deps.reuseUnchangedAnswers !== false
            ? { unchangedSince: lastCommit.answerFingerprint }
            : {}),
        });
        if (result.ok || !isRetryable(result.error.kind) || attempts >= policy.attempts) break;
        const delay = retryDelayMs(policy, attempts + 1, deps.random, result.error.retryAfterMs);
        if (delay === null) break;
        progress('waiting-to-retry', 0, deps.clock.nowMs() + delay);
        if (!(await sleep(deps.timers, delay, signal))) {
          return fail(
            amootError('cancelled', { key: 'error.cancelled' }, 'cancelled while waiting to retry'),
          );
        }
      }
      if (!result.ok) return fail(result.error);

      if (result.unchanged) {
        const counts = unchangedCounts(lastCommit?.received ?? 0);
        return finish(
          succeededRun(started, {
            durationMs: elapsed(),
            attempts,
            baseline: false,
            counts,
            warnings: [],
            committed: false,
          }),
        );
      }

      progress('comparing', result.bytesReceived);
      // A baseline builds no snapshot of the mirror: the collection would only cost time there.
      if (deps.releaseMemory && deps.mirror.count() > 0) deps.releaseMemory();
      const diff = diffAgainstMirror(result.records, deps.mirror);
      if (signal.aborted)
        return fail(amootError('cancelled', { key: 'error.cancelled' }, 'cancelled before saving'));

      progress('saving', result.bytesReceived);
      deps.mirror.commit({
        runId,
        detectedAtMs: deps.clock.nowMs(),
        upserts: diff.upserts,
        changes: diff.changes,
        answerFingerprint: result.fingerprint,
        received: diff.counts.received,
      });
      applyRetention(settings);
      const done = {
        durationMs: elapsed(),
        attempts,
        baseline: diff.baseline,
        committed: true,
        counts: diff.counts,
        warnings: result.warnings,
      };
      return finish(succeededRun(started, done));
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return fail(amootError('unknown', { key: 'sync.internal-error' }, `unexpected: ${detail}`));
    }
  }

  /** Retention is housekeeping after the commit: if it fails, the sync itself still succeeded. */
  function applyRetention(settings: Settings): void {
    try {
      const policyNow = {
        maxAgeDays: settings.changeLogMaxAgeDays,
        maxRows: settings.changeLogMaxRows,
      };
      deps.mirror.applyRetention(policyNow, deps.clock.nowMs());
    } catch (error) {
      deps.log?.(
        `change-log retention failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    run,
    cancel: () => current?.controller.abort(),
    isRunning: () => current !== null,
  };
}

/** The user-facing message an error carries (`localized`, as the token vault's errors do), if any. */
export function localizedOf(error: unknown): LocalizedMessage | null {
  const localized = (error as { localized?: unknown } | null)?.localized;
  if (typeof localized !== 'object' || localized === null) return null;
  return typeof (localized as { key?: unknown }).key === 'string'
    ? (localized as LocalizedMessage)
    : null;
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(timers: Timers, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      timers.clearTimeout(handle);
      resolve(false);
    };
    const handle = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
