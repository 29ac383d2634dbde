/**
 * Stand-ins for Electron's IPC modules, used through `test/unit/shell/fake-electron.ts`. They copy
 * what makes IPC different from a function call: arguments and results are structured-cloned (so
 * a class instance arrives as a plain object and a function cannot be sent), a channel without a
 * handler rejects, and main sees who sent a call (webContents and frame) on the event.
 */
import type { FakeWebContents } from '../shell/fake-electron.ts';

/** What `event.senderFrame` is in main: a frame with its URL and its parent (null at the top). */
export interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

/** The event main's `ipcMain.handle` listeners receive. */
export interface FakeInvokeEvent {
  readonly sender: FakeWebContents;
  readonly senderFrame: FakeFrame | null;
}

type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

/** `ipcMain`'s invoke side: handlers by channel, and the call a page's `invoke` turns into. */
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  /** `ipcMain.on` listeners by channel: main's own code registers none, electron-log/main does. */
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  on(channel: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeAllListeners(channel?: string): this {
    if (channel === undefined) this.listeners.clear();
    else this.listeners.delete(channel);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** A page's `ipcRenderer.invoke(channel, ...args)` arriving with `event`. */
  async invoke(event: FakeInvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const copies = structuredClone(args);
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await handler(event, ...copies));
  }

  reset(): void {
    this.handlers.clear();
    this.listeners.clear();
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** A page's `ipcRenderer`: invokes go to a FakeIpcMain, sends from its webContents come back. */
export class FakeIpcRenderer {
  readonly #listeners = new Map<string, RendererListener[]>();
  #route: {
    ipcMain: FakeIpcMain;
    contents: FakeWebContents;
    frame: () => FakeFrame | null;
  } | null = null;

  /**
   * Makes this the renderer of `contents`: its calls reach `ipcMain` with `contents` as sender and
   * `frame()` as the sending frame (by default the top frame at the contents' URL).
   */
  attach(
    ipcMain: FakeIpcMain,
    contents: FakeWebContents,
    frame: () => FakeFrame | null = () => ({ url: contents.getURL(), parent: null }),
  ): void {
    this.#route = { ipcMain, contents, frame };
    contents.renderer = this;
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const route = this.#route;
    if (route === null) return Promise.reject(new Error('FakeIpcRenderer is not attached'));
    return route.ipcMain.invoke(
      { sender: route.contents, senderFrame: route.frame() },
      channel,
      ...args,
    );
  }

  on(channel: string, listener: RendererListener): this {
    this.#listeners.set(channel, [...(this.#listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeListener(channel: string, listener: RendererListener): this {
    const left = (this.#listeners.get(channel) ?? []).filter((l) => l !== listener);
    this.#listeners.set(channel, left);
    return this;
  }

  listenerCount(channel: string): number {
    return this.#listeners.get(channel)?.length ?? 0;
  }

  /** A message from main: listeners get Electron's event first, then the arguments. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: this, ports: [] };
    for (const listener of [...(this.#listeners.get(channel) ?? [])]) listener(event, ...args);
  }

  reset(): void {
    this.#listeners.clear();
    this.#route = null;
  }
}

/** Records what a preload exposes; refuses a second object under the same key, as Electron does. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error('Cannot bind an API on top of an existing property');
    this.exposed.set(key, api);
  }

  reset(): void {
    this.exposed.clear();
  }
}
