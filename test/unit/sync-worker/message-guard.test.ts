/**
 * Main must survive any message of the sync process it cannot handle. Here a process
 * (buggy or subverted) reports a finished run the history refuses; today that throws inside the
 * message handler, escapes into main's event loop, and leaves the run `running` for good.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRunRecord } from '../../../common/sync-types.ts';
import { openStores, type OpenedStores } from '../../../main/compose/open-stores.ts';
import { failedRun, startedRun } from '../../../main/core/sync/run-record.ts';
import { amootError } from '../../../main/core/amoot/amoot-error.ts';
import type { FromWorker, WorkerHandle } from '../../../main/sync-worker/protocol.ts';
import { workerEngineOn } from '../../support/worker-engine-on.ts';

const TOKEN = 'message-guard-token-4d2a';
let dir: string;
let stores: OpenedStores;

afterEach(() => {
  stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A sync process that, asked to run, sends `script` one message at a time, as a real one would. */
function scriptedWorker(script: (runId: string) => FromWorker[]): {
  handle: WorkerHandle;
  killed: () => boolean;
} {
  let listener: (message: FromWorker) => void = () => undefined;
  let exitListener: (code: number | null) => void = () => undefined;
  let killed = false;
  const handle: WorkerHandle = {
    post: (message) => {
      if (message.type !== 'run') return;
      const messages = script('run-guard-1');
      const next = (): void => {
        const message = messages.shift();
        if (message === undefined || killed) return;
        // Sent on even when main's handler threw, as a real process would go on sending.
        try {
          listener(message);
        } finally {
          setImmediate(next);
        }
      };
      setImmediate(next);
    },
    onMessage: (l) => (listener = l),
    onExit: (l) => (exitListener = l),
    kill: () => {
      if (killed) return;
      killed = true;
      setImmediate(() => exitListener(null));
    },
  };
  return { handle, killed: () => killed };
}

function runWith(
  script: (runId: string) => FromWorker[],
  onRunFinished?: (run: SyncRunRecord) => void,
) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'message-guard-'));
  stores = openStores({ dir });
  const worker = scriptedWorker(script);
  const { engine, logs } = workerEngineOn(stores, dir, () => worker.handle, {
    token: TOKEN,
    ...(onRunFinished ? { onRunFinished } : {}),
  });
  return { engine, logs, worker };
}

/** begin, then a finish whose status the history refuses (far over its limit), then the end. */
function refusedFinish(runId: string): FromWorker[] {
  const started = startedRun(runId, 'manual', Date.now());
  const error = amootError('unknown', { key: 'sync.internal-error' }, 'x', {
    status: 'S'.repeat(20_000),
  });
  const finished = failedRun(started, { durationMs: 5, attempts: 1, error });
  return [
    { type: 'history-begin', run: started },
    { type: 'history-finish', run: finished },
    { type: 'run-finished', run: finished },
  ];
}

describe("main's handler of the sync process's messages", () => {
  it('a finish the history refuses ends the run as failed, logged, process ended', async () => {
    const { engine, logs, worker } = runWith(refusedFinish);
    const run = await engine.run('manual');
    expect(run).toMatchObject({ id: 'run-guard-1', outcome: 'failed', committed: false });
    const saved = stores.history.list({ limit: 5 }).runs;
    expect(saved).toMatchObject([
      { id: 'run-guard-1', outcome: 'failed', message: { key: 'sync.internal-error' } },
    ]);
    expect(logs.join('\n')).toMatch(/error: main could not handle .*history-finish/);
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(worker.killed()).toBe(true);
    expect(engine.isRunning()).toBe(false);
  });

  it('a listener of the finished run that throws does not escape either', async () => {
    const { engine, logs } = runWith(refusedFinish, () => {
      throw new Error('listener broke');
    });
    const run = await engine.run('manual');
    expect(run.outcome).toBe('failed');
    expect(stores.history.list({ limit: 5 }).runs[0]?.outcome).toBe('failed');
    expect(logs.join('\n')).toContain('listener broke');
  });
});
