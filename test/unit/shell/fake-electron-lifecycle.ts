/**
 * Stand-ins for the Electron modules the app's life cycle uses (protocol, shell,
 * powerMonitor, net), exported through `fake-electron.ts`. Each records what main asked of it,
 * so a test can check, for example, which scheme was registered or which URL went to the browser.
 */
import { EventEmitter } from 'node:events';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges?: Record<string, boolean> }[],
  ): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    this.handlers.set(scheme, handler);
  }

  reset(): void {
    this.privileged.length = 0;
    this.handlers.clear();
  }
}

export class FakeShell {
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }

  reset(): void {
    this.opened.length = 0;
  }
}

/** `powerMonitor`: a test emits 'suspend' and 'resume' on it. */
export class FakePowerMonitor extends EventEmitter {
  reset(): void {
    this.removeAllListeners();
  }
}

/** `net`: only `isOnline`, whose answer a test sets. */
export class FakeNet {
  online = true;

  isOnline(): boolean {
    return this.online;
  }

  reset(): void {
    this.online = true;
  }
}
