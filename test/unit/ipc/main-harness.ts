/**
 * Main's side of IPC as the tests drive it: the real registration behind a fake `ipcMain`, the
 * app's window as sender, and what the handlers were called with and what was logged.
 */
import { expect } from 'vitest';
import type { InvokeChannel } from '../../../common/ipc/contract.ts';
import type { IpcResponse } from '../../../common/ipc/envelope.ts';
import { registerHandlers, type IpcHandlers } from '../../../main/desktop/ipc/ipc-main.ts';
import { appPageMatcher, createSenderCheck } from '../../../main/desktop/ipc/trusted-sender.ts';
import { FakeWebContents } from '../shell/fake-electron.ts';
import { FakeIpcMain, type FakeInvokeEvent } from './fake-ipc.ts';
import { recordingHandlers, type RecordedCall } from './samples.ts';

export const PAGE = '/app/out/renderer/index.html';

/** The app's window, main's registered handlers, and what they were called with and logged. */
export function setup(handlers?: (calls: RecordedCall[]) => IpcHandlers) {
  const ipcMain = new FakeIpcMain();
  const calls: RecordedCall[] = [];
  const lines: string[] = [];
  const window = new FakeWebContents();
  window.url = `file://${PAGE}`;
  const isTrustedSender = createSenderCheck({
    mainContents: () => window,
    isAppPage: appPageMatcher({ kind: 'file', path: PAGE }, 'linux'),
  });
  const unregister = registerHandlers(
    ipcMain,
    (handlers ?? recordingHandlers)(calls),
    isTrustedSender,
    { log: (line) => lines.push(line) },
  );
  const fromWindow: FakeInvokeEvent = {
    sender: window,
    senderFrame: { url: window.url, parent: null },
  };
  /** Runs main's listener on raw values, with no structured clone in between. */
  const raw = (channel: InvokeChannel, event: FakeInvokeEvent, ...args: unknown[]) => {
    const listener = ipcMain.handlers.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args) as Promise<IpcResponse<unknown>>;
  };
  const call = (channel: InvokeChannel, ...args: unknown[]) => raw(channel, fromWindow, ...args);
  return { ipcMain, calls, lines, window, fromWindow, raw, call, unregister };
}

/** A bad-arguments answer whose path is `field` or inside it. */
export function expectBadArguments(response: IpcResponse<unknown>, field: string): void {
  expect(response).toMatchObject({ ok: false, error: 'bad-arguments' });
  const { path } = response as { path: string };
  expect(path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`)).toBe(true);
}
