/**
 * The sync's steps in a process of their own, as the app runs them: main keeps the history, the
 * settings and the token; each run starts a process and ends it when the run's record arrives. A
 * process that dies on the way (a crash, the system killing it for memory) still leaves a truthful
 * record: the run becomes `interrupted` — committed or not, as the mirror says — or, if it never
 * began, a failure.
 */
import { randomUUID } from 'node:crypto';
import type { SyncRunRecord } from '../../common/sync-types.ts';
import { amootError } from '../core/amoot/amoot-error.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { ContactMirror } from '../core/ports/contact-mirror.ts';
import type { HistoryStore } from '../core/ports/history-store.ts';
import { failedRun, startedRun } from '../core/sync/run-record.ts';
import { localizedOf } from '../core/sync/store-failure.ts';
import {
  recoverInterruptedRuns,
  type RunContext,
  type SyncTransport,
} from '../core/sync/sync-engine.ts';
import type { FromWorker, LaunchWorker, TokenAnswer, WorkerHandle } from './protocol.ts';
import { describeError } from '../core/describe-error.ts';
import { StringDecoder } from 'node:string_decoder';

export interface ProcessTransportDeps {
  readonly launch: LaunchWorker;
  readonly dataDir: string;
  /** Asked which runs a dead process left `running`; a run's own entries come through the run. */
  readonly history: Pick<HistoryStore, 'recoverInterrupted'>;
  readonly mirror: Pick<ContactMirror, 'lastCommit'>;
  readonly userAgent: string;
  readonly clock: Clock;
  /** How long a cancelled run may take to wind down before its process is ended (10 s). */
  readonly cancelGraceMs?: number;
}

export function processTransport(deps: ProcessTransportDeps): SyncTransport {
  return (context) =>
    new Promise<SyncRunRecord>((resolve) => {
      const log = (line: string, level: 'info' | 'warn' | 'error') => context.log?.(line, level);
      let worker: WorkerHandle;
      try {
        worker = deps.launch();
      } catch (error) {
        // The process could not even start (its file missing, the system out of processes).
        log(`the sync process could not start: ${String(error)}`, 'error');
        resolve(recordAfterDeath(context, null, deps.clock.monotonicMs(), null));
        return;
      }
      const cancel = watchRun(worker, context, resolve);
      worker.post({
        type: 'run',
        dataDir: deps.dataDir,
        trigger: context.trigger,
        settings: context.settings,
        userAgent: deps.userAgent,
      });
      if (context.signal.aborted) cancel();
      else context.signal.addEventListener('abort', cancel, { once: true });
    });

  /** Wires one run's messages; returns the function that cancels it. */
  function watchRun(
    worker: WorkerHandle,
    context: RunContext,
    resolve: (run: SyncRunRecord) => void,
  ): () => void {
    const log = (line: string, level: 'info' | 'warn' | 'error') => context.log?.(line, level);
    const startedAtMonotonic = deps.clock.monotonicMs();
    let begun: SyncRunRecord | null = null;
    let settled = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const settle = (record: SyncRunRecord): void => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      resolve(record);
    };

    // Anything main cannot do with a message (a record the history refuses) must not escape into
    // main's event loop and leave the run `running`: it ends the run.
    worker.onMessage((message) => {
      try {
        handle(message);
      } catch (error) {
        log(
          `main could not handle the sync process's ${message.type}: ${describeError(error, 'summary')}`,
          'error',
        );
        if (settled) return;
        settle(failedInMain(context, begun, startedAtMonotonic));
        worker.kill();
      }
    });
    const handle = (message: FromWorker): void => {
      switch (message.type) {
        case 'token-request':
          void answerToken(context).then((answer) => worker.post({ type: 'token', answer }));
          break;
        case 'history-begin':
          begun = message.run;
          context.history.begin(message.run);
          break;
        case 'history-finish':
          context.history.finish(message.run);
          break;
        case 'progress':
          context.onProgress?.(message.progress);
          break;
        case 'log':
          log(`sync process: ${message.line}`, message.level);
          break;
        case 'run-finished':
          settle(message.run);
          worker.kill();
          break;
        case 'job-failed':
          log(`sync process failed: ${message.detail}`, 'error');
          break;
        case 'exported':
          break;
      }
    };
    worker.onExit((code) => {
      if (settled) return;
      log(`the sync process ended (code ${code}) before its run did`, 'error');
      settle(recordAfterDeath(context, begun, startedAtMonotonic, code));
    });
    return () => {
      worker.post({ type: 'cancel' });
      killTimer ??= setTimeout(() => worker.kill(), deps.cancelGraceMs ?? 10_000);
    };
  }

  async function answerToken(context: RunContext): Promise<TokenAnswer> {
    try {
      return { ok: true, token: await context.readToken() };
    } catch (error) {
      return {
        ok: false,
        detail: describeError(error, 'message'),
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
    context: RunContext,
    begun: SyncRunRecord | null,
    startedAtMonotonic: number,
  ): SyncRunRecord {
    const started = begun ?? startedRun(randomUUID(), context.trigger, deps.clock.nowMs());
    const record: SyncRunRecord = {
      ...internallyFailed(started, startedAtMonotonic, 'main failed on a message'),
      committed: deps.mirror.lastCommit()?.runId === started.id,
    };
    try {
      if (begun === null) context.history.begin(started);
      context.history.finish(record);
    } catch (error) {
      context.log?.(
        `the failed run could not be recorded either: ${describeError(error, 'summary')}`,
        'error',
      );
    }
    return record;
  }

  function recordAfterDeath(
    context: RunContext,
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
    const started = startedRun(randomUUID(), context.trigger, deps.clock.nowMs());
    const record = internallyFailed(
      started,
      startedAtMonotonic,
      code === null
        ? 'the sync process could not be started'
        : `the sync process ended with code ${code} before starting the run`,
    );
    context.history.begin(started);
    context.history.finish(record);
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
}

/**
 * A child's stderr as whole lines. A pipe hands over chunks cut wherever the OS's buffer ended,
 * so a token written by the sync process can arrive in two halves; logged chunk by chunk, neither
 * half is the token and the redaction cannot see it. Lines are given only once complete (or when
 * the stream ends), and the returned promise settles once the last one was given, so whoever
 * waits for it knows the process can log nothing more.
 */

/**
 * A line longer than this is given in parts, cut at its last blank: a token has no blanks
 * (`checkToken`), so the cut never falls inside one. Without a blank it keeps growing, up to
 * HARD_LIMIT, which only a process writing megabytes of one word would reach.
 */
const SOFT_LIMIT = 64 * 1024;
const HARD_LIMIT = 1024 * 1024;

export function stderrLines(
  stream: NodeJS.ReadableStream | null | undefined,
  onLine: (line: string) => void,
): Promise<void> {
  if (stream === null || stream === undefined) return Promise.resolve();
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const give = (line: string): void => {
    if (line.trim() !== '') onLine(line.trimEnd());
  };
  const take = (text: string): void => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) give(line);
    if (pending.length > SOFT_LIMIT) {
      const cut = pending.search(/\s\S*$/);
      if (cut > 0 || pending.length > HARD_LIMIT) {
        const at = cut > 0 ? cut : pending.length;
        give(pending.slice(0, at));
        pending = pending.slice(at);
      }
    }
  };
  return new Promise((resolve) => {
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      take(decoder.end());
      give(pending);
      pending = '';
      resolve();
    };
    stream.on('data', (chunk: Buffer | string) =>
      take(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
    );
    stream.on('end', end);
    stream.on('close', end);
    stream.on('error', end);
  });
}

/** How long after its exit a process's stderr may take to close before its exit is reported. */
const DRAIN_MS = 2000;

/**
 * Calls `listener` once `drained` settled: the exit of a process is reported only after its last
 * stderr line was logged, so the secret it held stays registered for that line. Bounded, since a
 * grandchild could keep the pipe open forever.
 */
export function afterDrained(drained: Promise<void>, listener: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DRAIN_MS);
  });
  void Promise.race([drained, bound]).then(() => {
    clearTimeout(timer);
    listener();
  });
}
