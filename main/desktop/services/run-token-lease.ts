/**
 * How long the log knows a sync run's token: from the moment a run reads it until the run has
 * finished AND every sync process started meanwhile has exited and its stderr was logged to the
 * last line. A process can still write (a crash trace naming a request) after it reported its run
 * finished, and that line must still be redacted.
 */
import type { LaunchWorker } from '../../sync-worker/protocol.ts';
import type { SecretsInUse } from '../lifecycle/secrets-in-use.ts';

export interface RunTokenLease {
  /** Registers the token a run just read. */
  hold(token: string): void;
  /** The run ended; the token goes once no process is left that could log it. */
  runFinished(): void;
  /** `launch`, with each process counted until its exit was reported (after its stderr). */
  counting(launch: LaunchWorker): LaunchWorker;
}

export function createRunTokenLease(secrets: SecretsInUse): RunTokenLease {
  const releases: (() => void)[] = [];
  let running = false;
  let alive = 0;
  const releaseIfIdle = (): void => {
    if (running || alive > 0) return;
    for (const release of releases.splice(0)) release();
  };
  return {
    hold(token) {
      running = true;
      releases.push(secrets.hold(token));
    },
    runFinished() {
      running = false;
      releaseIfIdle();
    },
    counting: (launch) => () => {
      const worker = launch();
      alive += 1;
      let exited = false;
      worker.onExit(() => {
        if (exited) return;
        exited = true;
        alive -= 1;
        releaseIfIdle();
      });
      return worker;
    },
  };
}
