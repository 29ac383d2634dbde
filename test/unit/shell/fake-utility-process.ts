/**
 * Electron's `utilityProcess` for tests: `fork` starts the sync process's Node entry as a real
 * child process with the same messages, so the app under test crosses a real process boundary.
 * What main asked for (the module, its V8 flags) is kept for the tests to check.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { forkNodeWorker } from '../../../main/sync-worker/launch-node-process.ts';

export interface ForkRequest {
  readonly modulePath: string;
  readonly execArgv: readonly string[];
  readonly serviceName: string | undefined;
}

class FakeUtilityChild extends EventEmitter {
  readonly #child: ChildProcess;
  readonly stderr: NodeJS.ReadableStream | null;

  constructor(execArgv: readonly string[]) {
    super();
    this.#child = forkNodeWorker(execArgv);
    this.stderr = this.#child.stderr;
    this.#child.on('message', (message) => this.emit('message', message));
    this.#child.once('exit', (code) => this.emit('exit', code ?? 1));
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  postMessage(message: unknown): void {
    if (this.#child.connected) this.#child.send(message as never);
  }

  kill(): boolean {
    return this.#child.kill();
  }
}

export class FakeUtilityProcess {
  forks: ForkRequest[] = [];
  readonly children: FakeUtilityChild[] = [];

  fork(
    modulePath: string,
    _args?: string[],
    options?: { execArgv?: string[]; serviceName?: string },
  ): FakeUtilityChild {
    const execArgv = options?.execArgv ?? [];
    this.forks.push({ modulePath, execArgv, serviceName: options?.serviceName });
    const child = new FakeUtilityChild(execArgv);
    this.children.push(child);
    return child;
  }

  reset(): void {
    for (const child of this.children.splice(0)) child.kill();
    this.forks = [];
  }
}
