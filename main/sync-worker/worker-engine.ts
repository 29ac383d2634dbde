/**
 * The sync engine as main uses it when syncs run in their own process: the same `run`, `cancel`
 * and `isRunning` as the in-process engine, with main keeping the history, the settings and the
 * token. Each run starts a process and ends it when the run's record arrives. A process that dies
 * on the way (a crash, the system killing it for memory) still leaves a truthful record: the run
 * becomes `interrupted` — committed or not, as the mirror says — or, if it never began, a failure.
 */
import { randomUUID } from 'node:crypto';
import type { Settings } from '../../common/settings.ts';
import type { SyncProgress, SyncRunRecord, SyncTrigger } from '../../common/sync-types.ts';
import { amootError } from '../core/amoot/amoot-error.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { ContactMirror } from '../core/ports/contact-mirror.ts';
import type { HistoryStore } from '../core/ports/history-store.ts';
import type { WriterLock } from '../core/ports/writer-lock.ts';
import type { LocalizedMessage } from '../../common/i18n/format-message.ts';
import { failedRun, startedRun } from '../core/sync/run-record.ts';
import { underWriterLock, unstartedRun } from '../core/sync/locked-run.ts';
import { localizedOf, recoverInterruptedRuns, type SyncEngine } from '../core/sync/sync-engine.ts';
import type { FromWorker, TokenAnswer } from './protocol.ts';
import type { LaunchWorker, WorkerHandle } from './worker-handle.ts';

export interface WorkerEngineDeps {
  readonly launch: LaunchWorker;
  readonly dataDir: string;
  readonly history: Pick<HistoryStore, 'begin' | 'finish' | 'recoverInterrupted'>;
  readonly mirror: Pick<ContactMirror, 'lastCommit'>;
  readonly settings: () => Settings;
  readonly userAgent: string;
  /** As the in-process engine's: throws with a `localized` message when the vault is unreadable. */
  readonly readToken: () => Promise<string | null>;
  readonly clock: Clock;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onRunFinished?: (run: SyncRunRecord) => void;
  readonly log: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** How long a cancelled run may take to wind down before its process is ended (10 s). */
  readonly cancelGraceMs?: number;
  /**
   * The data folder's writer lock: main holds it from before the process starts until the run's
   * record is in, so no other process (a cli sync) writes the folder meanwhile.
   */
  readonly writerLock?: WriterLock;
  /** How long a run waits for another writer of the folder before it is refused (10 s). */
  readonly lockWaitMs?: number;
  /** Why the settings must not be synced, or null; such a run fails without a process. */
  readonly settingsBlocker?: () => LocalizedMessage | null;
}

export function createWorkerEngine(deps: WorkerEngineDeps): SyncEngine {
  let current: { promise: Promise<SyncRunRecord>; cancel: () => void } | null = null;

  function run(trigger: SyncTrigger): Promise<SyncRunRecord> {
    if (current) return current.promise;
    const waiting = new AbortController();
    let cancel = (): void => waiting.abort();
    const promise = (async () => {
      const outcome = await underWriterLock(
        {
          ...deps,
          // Under the lock, a run left `running` is one whose process is gone.
          recoverInterrupted: () => void recoverInterruptedRuns(deps.history, deps.mirror),
          log: (line) => deps.log('warn', line),
        },
        waiting.signal,
        () => {
          const blocked = deps.settingsBlocker?.() ?? null;
          if (blocked !== null) return Promise.resolve(blockedRun(trigger, blocked));
          return launchRun(trigger, (cancelRun) => (cancel = cancelRun));
        },
      );
      if (outcome.ran) return outcome.value;
      const record = unstartedRun(trigger, deps.clock.nowMs(), outcome.error);
      deps.log('warn', `sync ${record.id} not run: ${outcome.error.detail}`);
      deps.onRunFinished?.(record);
      return record;
    })().finally(() => {
      current = null;
    });
    current = { promise, cancel: () => cancel() };
    return promise;
  }

  /** Settings that cannot be used: a failed run in the history, no process started. */
  function blockedRun(trigger: SyncTrigger, message: LocalizedMessage): SyncRunRecord {
    const started = startedRun(randomUUID(), trigger, deps.clock.nowMs());
    const error = amootError('settings', message, 'a saved setting cannot be used');
    const record = failedRun(started, { durationMs: 0, attempts: 0, error });
    deps.history.begin(started);
    deps.history.finish(record);
    deps.onRunFinished?.(record);
    return record;
  }

  function launchRun(
    trigger: SyncTrigger,
    setCancel: (cancel: () => void) => void,
  ): Promise<SyncRunRecord> {
    return new Promise<SyncRunRecord>((resolve) => {
      let worker: WorkerHandle;
      try {
        worker = deps.launch();
      } catch (error) {
        // The process could not even start (its file missing, the system out of processes).
        deps.log('error', `the sync process could not start: ${String(error)}`);
        const record = recordAfterDeath(trigger, null, deps.clock.monotonicMs(), null);
        deps.onRunFinished?.(record);
        resolve(record);
        return;
      }
      setCancel(watchRun(worker, trigger, resolve));
      worker.post({
        type: 'run',
        dataDir: deps.dataDir,
        trigger,
        settings: deps.settings(),
        userAgent: deps.userAgent,
      });
    });
  }

  /** Wires one run's messages; returns the function that cancels it. */
  function watchRun(
    worker: WorkerHandle,
    trigger: SyncTrigger,
    resolve: (run: SyncRunRecord) => void,
  ): () => void {
    const startedAtMonotonic = deps.clock.monotonicMs();
    let begun: SyncRunRecord | null = null;
    let settled = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const settle = (record: SyncRunRecord): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      resolve(record);
      try {
        deps.onRunFinished?.(record);
      } catch (error) {
        deps.log('error', `a listener of the finished run failed: ${describe(error)}`);
      }
    };

    // Anything main cannot do with a message (a record the history refuses, a listener that
    // throws) must not escape into main's event loop and leave the run `running`: it ends the run.
    worker.onMessage((message) => {
      try {
        handle(message);
      } catch (error) {
        deps.log(
          'error',
          `main could not handle the sync process's ${message.type}: ${describe(error)}`,
        );
        if (settled) return;
        settle(failedInMain(trigger, begun, startedAtMonotonic));
        worker.kill();
      }
    });
    const handle = (message: FromWorker): void => {
      switch (message.type) {
        case 'token-request':
          void answerToken().then((answer) => worker.post({ type: 'token', answer }));
          break;
        case 'history-begin':
          begun = message.run;
          deps.history.begin(message.run);
          break;
        case 'history-finish':
          deps.history.finish(message.run);
          break;
        case 'progress':
          deps.onProgress?.(message.progress);
          break;
        case 'log':
          deps.log(message.level, `sync process: ${message.line}`);
          break;
        case 'run-finished':
          settle(message.run);
          worker.kill();
          break;
        case 'job-failed':
          deps.log('error', `sync process failed: ${message.detail}`);
          break;
        case 'exported':
          break;
      }
    };
    worker.onExit((code) => {
      if (settled) return;
      deps.log('error', `the sync process ended (code ${code}) before its run did`);
      settle(recordAfterDeath(trigger, begun, startedAtMonotonic, code));
    });
    return () => {
      worker.post({ type: 'cancel' });
      killTimer ??= setTimeout(() => worker.kill(), deps.cancelGraceMs ?? 10_000);
    };
  }

  async function answerToken(): Promise<TokenAnswer> {
    try {
      return { ok: true, token: await deps.readToken() };
    } catch (error) {
      return {
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
        message: localizedOf(error) ?? { key: 'sync.internal-error' },
      };
    }
  }

  /**
   * The run as failed, because main itself failed on one of its messages: the run's own entry
   * (or a new one if it never began), committed as the mirror says. Written in its own try: if
   * the history refuses this too, the run stays `running` there and becomes `interrupted` later.
   */
  function failedInMain(
    trigger: SyncTrigger,
    begun: SyncRunRecord | null,
    startedAtMonotonic: number,
  ): SyncRunRecord {
    const started = begun ?? startedRun(randomUUID(), trigger, deps.clock.nowMs());
    const record: SyncRunRecord = {
      ...internallyFailed(started, startedAtMonotonic, 'main failed on a message'),
      committed: deps.mirror.lastCommit()?.runId === started.id,
    };
    try {
      if (begun === null) deps.history.begin(started);
      deps.history.finish(record);
    } catch (error) {
      deps.log('error', `the failed run could not be recorded either: ${describe(error)}`);
    }
    return record;
  }

  function recordAfterDeath(
    trigger: SyncTrigger,
    begun: SyncRunRecord | null,
    startedAtMonotonic: number,
    code: number | null,
  ): SyncRunRecord {
    if (begun !== null) {
      const recovered = recoverInterruptedRuns(deps.history, deps.mirror).find(
        (run) => run.id === begun?.id,
      );
      if (recovered) return recovered;
    }
    // It died before its run was recorded: record one, so the failure shows in the history.
    const started = startedRun(randomUUID(), trigger, deps.clock.nowMs());
    const record = internallyFailed(
      started,
      startedAtMonotonic,
      code === null
        ? 'the sync process could not be started'
        : `the sync process ended with code ${code} before starting the run`,
    );
    deps.history.begin(started);
    deps.history.finish(record);
    return record;
  }

  /** `started` as failed by the app itself (main or the sync process), `detail` for the log. */
  function internallyFailed(
    started: SyncRunRecord,
    startedAtMonotonic: number,
    detail: string,
  ): SyncRunRecord {
    return failedRun(started, {
      durationMs: Math.round(deps.clock.monotonicMs() - startedAtMonotonic),
      attempts: 0,
      error: amootError('unknown', { key: 'sync.internal-error' }, detail),
    });
  }

  return {
    run,
    cancel: () => current?.cancel(),
    isRunning: () => current !== null,
  };
}

/**
 * An error for the log: its name and the start of its message. The history's refusals name the
 * field, never its value; a run record holds no token and no contact data anyway.
 */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 300);
}
