/**
 * The sync process in the app: an Electron utility process (`utilityProcess.fork`), which talks to
 * main over `process.parentPort` and reaches the network through Chromium's stack (`net.fetch`:
 * system proxy, PAC and certificate store, like the rest of the app).
 */
import { net } from 'electron';
import { ensureCollector } from '../compose/exposed-collector.ts';
import { manualRedirectFetch } from '../compose/manual-redirect-fetch.ts';
import { LINGER_AFTER_JOB_MS, type ToWorker } from './protocol.ts';
import { serveWorkerJob } from './worker-job.ts';

const port = process.parentPort;

void serveWorkerJob(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as ToWorker)),
  },
  { fetch: manualRedirectFetch(net), ...ensureCollector() },
).then(() => {
  // Main ends the process once it has the result; exiting here first could lose that message.
  setTimeout(() => process.exit(0), LINGER_AFTER_JOB_MS);
});
