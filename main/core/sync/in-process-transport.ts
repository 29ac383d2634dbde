/**
 * The steps of one sync, in the process that runs them: fetch → parse → diff → commit. The mirror
 * and change log change only in the commit, a single SQLite transaction at the very end, so a run
 * that fails, is cancelled or crashes earlier leaves them exactly as they were; the history records
 * the run before and after the commit. The engine runs these here (the cli, the bench, tests) or
 * the sync process does, with main's history and token reached through messages.
 */
import { randomUUID } from 'node:crypto';
import type { Settings } from '../../../common/settings.ts';
import type { SyncPhase, SyncRunRecord } from '../../../common/sync-types.ts';
import { amootError, type AmootError } from '../amoot/amoot-error.ts';
import { fetchContactUpdates, type ContactUpdatesResult } from '../amoot/client.ts';
import type { FetchFunction } from '../amoot/guarded-request.ts';
import type { Clock, Timers } from '../ports/clock.ts';
import type { ContactMirror } from '../ports/contact-mirror.ts';
import { diffAgainstMirror } from './diff.ts';
import { identityChange, identityOf } from './mirror-identity.ts';
import { unstartedRun, type RunContext, type SyncTransport } from './sync-engine.ts';
import {
  DEFAULT_RETRY_POLICY,
  isRetryable,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from './retry-policy.ts';
import { failedRun, startedRun, succeededRun, unchangedCounts } from './run-record.ts';
import { localizedOf, storeFailureOf } from './store-failure.ts';
import { describeError } from '../describe-error.ts';

export interface InProcessDeps {
  readonly mirror: ContactMirror;
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
  /** The data folder, named when the disk refuses a write no path came with. */
  readonly storePath?: string;
}

/** The sync's steps run in this process, on `deps.mirror`. */
export function inProcessTransport(deps: InProcessDeps): SyncTransport {
  const policy = deps.retry ?? DEFAULT_RETRY_POLICY;

  /** The disk's refusal as the run's failure (naming the data folder when the error names no file). */
  const storeFailure = (error: unknown) => storeFailureOf(error, deps.storePath ?? '');

  /** A run whose history entry could not be written: answered, not recorded. */
  function unrecorded(context: RunContext, error: AmootError): SyncRunRecord {
    return unstartedRun(context.trigger, deps.clock.nowMs(), error, context.log);
  }

  return async function runHere(context: RunContext): Promise<SyncRunRecord> {
    const { trigger, signal } = context;
    const runId = deps.newRunId?.() ?? randomUUID();
    const startedAt = deps.clock.monotonicMs();
    const started = startedRun(runId, trigger, deps.clock.nowMs());
    const elapsed = () => Math.round(deps.clock.monotonicMs() - startedAt);
    try {
      context.history.begin(started);
    } catch (error) {
      const failure = storeFailure(error);
      if (failure === null) throw error;
      return unrecorded(context, failure);
    }
    let attempts = 0;
    const progress = (phase: SyncPhase, bytesReceived = 0, retryAtMs?: number) =>
      context.onProgress?.({
        runId,
        phase,
        attempt: attempts,
        bytesReceived,
        ...(retryAtMs === undefined ? {} : { retryAtMs }),
      });

    const finish = (record: SyncRunRecord): SyncRunRecord => {
      let final = record;
      try {
        context.history.finish(record);
      } catch (error) {
        // The history could not be written (a full disk): the run is not a success, whatever it
        // did before; the entry stays `running` and becomes `interrupted` at the next run.
        const failure = storeFailure(error);
        if (failure === null) throw error;
        context.log?.(`sync ${runId}: the history could not be written: ${failure.detail}`);
        final = {
          ...failedRun(started, { durationMs: elapsed(), attempts, error: failure }),
          committed: record.committed,
        };
      }
      return final;
    };
    const fail = (error: AmootError) => {
      context.log?.(`sync ${runId} ${trigger} failed (${error.kind}): ${error.detail}`);
      return finish(failedRun(started, { durationMs: elapsed(), attempts, error }));
    };

    try {
      let token: string | null;
      try {
        token = await context.readToken();
      } catch (error) {
        // The vault could not be read (a locked keychain, an unreadable saved file): say so in the
        // vault's own words rather than as an unexpected problem; a later run may succeed.
        const localized = localizedOf(error);
        if (localized === null) throw error;
        const detail = describeError(error, 'message');
        return fail(amootError('unknown', localized, `token unreadable: ${detail}`));
      }
      if (token === null)
        return fail(amootError('auth', { key: 'token.missing' }, 'no token stored'));
      const { settings } = context;
      const identity = identityOf(settings);
      // Another server, group or time zone than the mirror's: a new baseline, never a diff.
      const newBaseline = identityChange(deps.mirror.identity(), identity);
      const lastCommit = newBaseline === null ? deps.mirror.lastCommit() : null;

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
      const diff = diffAgainstMirror(result.records, newBaseline === null ? deps.mirror : EMPTY);
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
        identity,
        ...(newBaseline === null ? {} : { replaceContacts: true }),
      });
      applyRetention(deps, settings, context);
      try {
        deps.mirror.checkpoint();
      } catch (error) {
        const failure = storeFailure(error);
        if (failure === null) throw error;
        // The commit is safe in the WAL; the run still says the disk is full.
        context.log?.(`sync ${runId}: checkpoint failed: ${failure.detail}`);
        const failed = failedRun(started, { durationMs: elapsed(), attempts, error: failure });
        return finish({ ...failed, committed: true });
      }
      const done = {
        durationMs: elapsed(),
        attempts,
        baseline: diff.baseline,
        committed: true,
        counts: diff.counts,
        warnings:
          newBaseline === null
            ? result.warnings
            : [{ key: `sync.new-baseline.${newBaseline}` } as const, ...result.warnings],
      };
      const record = succeededRun(started, done);
      return finish(
        newBaseline === null ? record : { ...record, newBaseline: { reason: newBaseline } },
      );
    } catch (error) {
      const failure = storeFailure(error);
      if (failure !== null) return fail(failure);
      const detail = describeError(error);
      return fail(amootError('unknown', { key: 'sync.internal-error' }, `unexpected: ${detail}`));
    }
  };
}

/** Retention is housekeeping after the commit: if it fails, the sync itself still succeeded. */
function applyRetention(deps: InProcessDeps, settings: Settings, context: RunContext): void {
  try {
    const policyNow = {
      maxAgeDays: settings.changeLogMaxAgeDays,
      maxRows: settings.changeLogMaxRows,
    };
    deps.mirror.applyRetention(policyNow, deps.clock.nowMs());
  } catch (error) {
    context.log?.(`change-log retention failed: ${describeError(error, 'message')}`);
  }
}

/** What a new baseline is compared with: nothing, so every contact is written afresh. */
const EMPTY = { count: () => 0, readStates: () => undefined };
