import type { LaunchWorker } from '../../sync-worker/protocol.ts';

/**
 * The secrets the log must remove, known only while something holds them. The log's redaction
 * hook is synchronous and runs for every line, but the token lives in the keychain behind an
 * asynchronous read; keeping a copy around just for the log would defeat the token service's
 * "never cached". So whoever reads the token for a request registers it here for as long as the
 * request runs, and the log redacts exactly what could appear in its lines at that moment.
 */
export interface SecretsInUse {
  /** Registers `secret` until the returned function is called (calling it twice is harmless). */
  hold(secret: string): () => void;
  /** Every secret held right now: the log's `secrets` provider. */
  current(): readonly string[];
}

export function createSecretsInUse(): SecretsInUse {
  const held = new Map<string, number>();
  return {
    hold(secret) {
      if (secret === '') return () => undefined;
      held.set(secret, (held.get(secret) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(secret) ?? 1) - 1;
        if (left <= 0) held.delete(secret);
        else held.set(secret, left);
      };
    },
    current: () => [...held.keys()],
  };
}

/**
 * How long the log knows a sync run's token: from the moment a run reads it until the run has
 * finished AND every sync process started meanwhile has exited and its stderr was logged to the
 * last line. A process can still write (a crash trace naming a request) after it reported its run
 * finished, and that line must still be redacted.
 */

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
