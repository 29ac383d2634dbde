/**
 * Electron's `utilityProcess` for tests: `fork` starts a real child process with the same
 * messages, so the app under test crosses a real process boundary. By default the child is the
 * sync process's Node entry (main's sources name a module that only exists once built); a test
 * booting the built bundle sets `launcher` to start the very module main named. What main asked
 * for (the module, its V8 flags, its stdio) is kept for the tests to check.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { forkNodeWorker } from '../../../main/sync-worker/launch-node-process.ts';

export interface ForkRequest {
  readonly modulePath: string;
  readonly execArgv: readonly string[];
  readonly serviceName: string | undefined;
  readonly stdio: unknown;
}

/** Starts the child for a fork request; it must have an IPC channel and a readable stderr. */
export type ChildLauncher = (request: ForkRequest) => ChildProcess;

const nodeEntry: ChildLauncher = (request) => forkNodeWorker(request.execArgv);

class FakeUtilityChild extends EventEmitter {
  readonly #child: ChildProcess;
  readonly stderr: NodeJS.ReadableStream | null;

  constructor(child: ChildProcess) {
    super();
    this.#child = child;
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
  launcher: ChildLauncher = nodeEntry;

  fork(
    modulePath: string,
    _args?: string[],
    options?: { execArgv?: string[]; serviceName?: string; stdio?: unknown },
  ): FakeUtilityChild {
    const request: ForkRequest = {
      modulePath,
      execArgv: options?.execArgv ?? [],
      serviceName: options?.serviceName,
      stdio: options?.stdio,
    };
    this.forks.push(request);
    const child = new FakeUtilityChild(this.launcher(request));
    this.children.push(child);
    return child;
  }

  reset(): void {
    for (const child of this.children.splice(0)) child.kill();
    this.forks = [];
    this.launcher = nodeEntry;
  }
}
