/**
 * Stand-ins for the packages `main/index.ts` loads besides `electron`: each of the real ones
 * reaches for Electron or the OS (electron-store and electron-log/main `require('electron')`,
 * keytar talks to a keyring over D-Bus), which plain Node under Vitest does not have.
 */
import nodeLog from 'electron-log/node';
import type { NodeLogger } from 'electron-log';
import { nodeConfStore } from '../../../main/adapters/conf-store/conf-document.ts';

/**
 * electron-store is conf with Electron's default folder and version; the app always passes an
 * absolute folder, so conf itself is what runs underneath either way.
 */
export const ElectronStoreStandIn = nodeConfStore;

let loggers = 0;

/** A fresh electron-log instance per boot, writing its file as the app's would but nothing to the console. */
export function quietLog(): NodeLogger {
  const log = nodeLog.create({ logId: `app-test-${(loggers += 1)}` }) as NodeLogger;
  log.transports.console.writeFn = () => undefined;
  return log;
}

/** The OS keychain as keytar shows it: entries by service and account, in memory only. */
export class FakeKeytar {
  readonly entries = new Map<string, string>();
  /** Set to make every call fail, as when no Secret Service runs. */
  unavailable = false;

  #check(): void {
    if (this.unavailable) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  }

  getPassword = (service: string, account: string): Promise<string | null> => {
    this.#check();
    return Promise.resolve(this.entries.get(`${service}/${account}`) ?? null);
  };

  setPassword = (service: string, account: string, password: string): Promise<void> => {
    this.#check();
    this.entries.set(`${service}/${account}`, password);
    return Promise.resolve();
  };

  deletePassword = (service: string, account: string): Promise<boolean> => {
    this.#check();
    return Promise.resolve(this.entries.delete(`${service}/${account}`));
  };

  reset(): void {
    this.entries.clear();
    this.unavailable = false;
  }
}

export const fakeKeytar = new FakeKeytar();
