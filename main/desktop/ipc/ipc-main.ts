/**
 * The only file that touches `ipcMain`. It installs one handler per contract channel, each behind
 * the same sender check, argument parser and error envelope (see `handle-call.ts`), so no channel
 * can be added without them. `ipcMain` is passed in, which keeps this file free of an `electron`
 * import and testable with a fake.
 */
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import { handleCall, type Handler, type InvokeEventLike, type SenderCheck } from './handle-call.ts';

/** What the app does for each call: one function per channel, given arguments already parsed. */
export type IpcHandlers = { readonly [C in InvokeChannel]: Handler<C> };

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  /** English lines for main's log (refusals, handler failures); default `console.error`. */
  readonly log?: (line: string) => void;
}

/**
 * Installs every handler; returns the function that removes them again. All channels or none: if
 * one cannot be installed (a channel already handled elsewhere), the ones before it are removed.
 */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
  options: RegisterOptions = {},
): () => void {
  const log = options.log ?? ((line: string) => console.error(line));
  const installed: InvokeChannel[] = [];
  const removeAll = (): void => {
    for (const channel of installed.splice(0)) ipcMain.removeHandler(channel);
  };
  try {
    for (const channel of INVOKE_CHANNELS) {
      const handler = handlers[channel] as Handler<typeof channel>;
      ipcMain.handle(channel, (event, ...args) =>
        handleCall(channel, handler, { event, args, isTrustedSender, log }),
      );
      installed.push(channel);
    }
  } catch (error) {
    removeAll();
    throw error;
  }
  return removeAll;
}
