/**
 * What the sync process does with its one job, in plain Node: the Electron entry and the Node
 * entry (tests) differ only in how messages travel and which `fetch` reaches the network.
 */
import { join } from 'node:path';
import { openContactMirror } from '../adapters/sqlite/sqlite-contact-mirror.ts';
import { MIRROR_FILE } from '../core/ports/data-folder.ts';
import type { FetchFunction } from '../core/amoot/guarded-request.ts';
import { systemClock, systemTimers } from '../core/ports/clock.ts';
import { inProcessTransport } from '../core/sync/in-process-transport.ts';
import type { FromWorker, TokenAnswer, ToWorker, WorkerJob } from './protocol.ts';
import { exportInProcess } from './worker-export.ts';
import { describeError } from '../core/describe-error.ts';

export interface WorkerChannel {
  post(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

export interface WorkerEnvironment {
  readonly fetch: FetchFunction;
  readonly releaseMemory?: () => void;
}

/** Waits for the job, does it, reports the outcome; resolves when the process may exit. */
export function serveWorkerJob(channel: WorkerChannel, env: WorkerEnvironment): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    let cancelRequested = false;
    let cancelRun = (): void => undefined;
    let answerToken: ((answer: TokenAnswer) => void) | null = null;
    channel.onMessage((message) => {
      if (message.type === 'cancel') {
        cancelRequested = true;
        cancelRun();
      } else if (message.type === 'token') answerToken?.(message.answer);
      else if (!started) {
        started = true;
        void doJob(message).then(resolve);
      }
    });

    async function doJob(job: WorkerJob): Promise<void> {
      try {
        // Main opened (and, if it had to, repaired) the file before starting this process.
        const { mirror } = openContactMirror({
          file: join(job.dataDir, MIRROR_FILE),
          onDamage: 'throw',
        });
        try {
          if (job.type === 'export') {
            const rows = await exportInProcess(mirror, job.dataDir)(
              job.file,
              job.filter,
              job.target,
            );
            channel.post({ type: 'exported', rows });
            return;
          }
          // The same steps as a sync in one process; only the history and the token are main's.
          const runHere = inProcessTransport({
            mirror,
            storePath: job.dataDir,
            fetch: env.fetch,
            userAgent: job.userAgent,
            clock: systemClock,
            timers: systemTimers,
            random: Math.random,
            ...(env.releaseMemory === undefined ? {} : { releaseMemory: env.releaseMemory }),
          });
          const controller = new AbortController();
          cancelRun = () => controller.abort();
          // A cancel that came while the mirror was opening still ends the run as cancelled.
          if (cancelRequested) cancelRun();
          const run = await runHere({
            trigger: job.trigger,
            settings: job.settings,
            signal: controller.signal,
            history: {
              begin: (run) => channel.post({ type: 'history-begin', run }),
              finish: (run) => channel.post({ type: 'history-finish', run }),
            },
            readToken: () =>
              new Promise((resolveToken, rejectToken) => {
                answerToken = (answer) => {
                  answerToken = null;
                  if (answer.ok) resolveToken(answer.token);
                  // The steps show the vault's own message for an unreadable token.
                  else
                    rejectToken(
                      Object.assign(new Error(answer.detail), { localized: answer.message }),
                    );
                };
                channel.post({ type: 'token-request' });
              }),
            onProgress: (progress) => channel.post({ type: 'progress', progress }),
            log: (line, level = 'info') => channel.post({ type: 'log', level, line }),
          });
          channel.post({ type: 'run-finished', run });
        } finally {
          mirror.close();
        }
      } catch (error) {
        channel.post({ type: 'job-failed', detail: describeError(error, 'summary') });
      }
    }
  });
}
