/**
 * One sync process as main sees it, whichever way it was started (Electron's utility process in
 * the app, a Node child in tests).
 */
import type { FromWorker, ToWorker } from './protocol.ts';

export interface WorkerHandle {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once, when the process has ended for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process (SIGTERM); harmless after it ended. */
  kill(): void;
}

export type LaunchWorker = () => WorkerHandle;
