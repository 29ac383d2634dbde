/**
 * Loaded (`--import`) before the built sync process (`out/main/sync-worker.js`) in a Node child:
 * gives it what an Electron utility process has — `process.parentPort` over the IPC channel, and
 * `electron`'s `net` — and writes down what the process was started with (`v8-probe.ts`).
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { redirectBundleImports } from './module-hooks.ts';
import './v8-probe.ts';

const outDir = process.env['AMOOT_BUNDLE_OUT'];
if (outDir === undefined) throw new Error('AMOOT_BUNDLE_OUT must be set');
redirectBundleImports(outDir, { electron: join(import.meta.dirname, 'utility-electron.ts') });

/** Electron's parentPort: messages arrive as `{ data }` events, `postMessage` sends back. */
class ParentPort extends EventEmitter {
  postMessage(message: unknown): void {
    process.send?.(message);
  }
}
const port = new ParentPort();
process.on('message', (message) => port.emit('message', { data: message }));
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: port });
