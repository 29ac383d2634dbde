/**
 * The sync process under plain Node (`child_process.fork` with an IPC channel): the same job code
 * as in the app, so tests cross the real process boundary without an Electron binary.
 */
import { ensureCollector } from '../compose/exposed-collector.ts';
import { LINGER_AFTER_JOB_MS, type ToWorker } from './protocol.ts';
import { serveWorkerJob } from './worker-job.ts';

// Without its parent there is nobody to report to.
process.on('disconnect', () => process.exit(0));

void serveWorkerJob(
  {
    post: (message) => void process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToWorker)),
  },
  { fetch: (url, init) => fetch(url, init), ...ensureCollector() },
).then(() => {
  setTimeout(() => process.exit(0), LINGER_AFTER_JOB_MS);
});
