import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import { registerHandlers, type IpcHandlers } from '../../../main/desktop/ipc/ipc-main.ts';
import { FakeWebContents } from '../shell/fake-electron.ts';
import { FakeIpcMain, type FakeInvokeEvent } from './fake-ipc.ts';
import { PAGE, setup } from './main-harness.ts';
import { recordingHandlers, sampleArgs, sampleResults, type RecordedCall } from './samples.ts';

describe('registerHandlers', () => {
  it('handles every channel of the contract, and removes every one again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('installs all channels or none when one is already handled elsewhere', () => {
    const ipcMain = new FakeIpcMain();
    ipcMain.handle('token.set', () => 'someone else');
    expect(() => registerHandlers(ipcMain, recordingHandlers([]), () => true)).toThrow(/second/);
    expect([...ipcMain.handlers.keys()]).toEqual(['token.set']);
  });

  it('answers a valid call with the handler value, wrapped', async () => {
    const { call, calls } = setup();
    for (const channel of INVOKE_CHANNELS) {
      expect(await call(channel, sampleArgs[channel])).toEqual({
        ok: true,
        value: sampleResults[channel],
      });
    }
    expect(calls.map((c) => c.channel)).toEqual(INVOKE_CHANNELS);
  });
});

describe('who may call', () => {
  it.each(INVOKE_CHANNELS)(
    'refuses %s from another webContents without running it',
    async (channel) => {
      const { raw, calls, lines } = setup();
      const stranger = new FakeWebContents();
      stranger.url = `file://${PAGE}`;
      const event = { sender: stranger, senderFrame: { url: stranger.url, parent: null } };
      expect(await raw(channel, event, sampleArgs[channel])).toEqual({
        ok: false,
        error: 'forbidden',
      });
      expect(calls).toEqual([]);
      expect(lines.join('\n')).toContain(`refused ${channel}`);
    },
  );

  it('refuses the app window when it shows another page, from an iframe, or from a gone frame', async () => {
    const { raw, window, calls } = setup();
    const top = { url: window.url, parent: null };
    const events: FakeInvokeEvent[] = [
      { sender: window, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: window, senderFrame: { url: 'file:///tmp/other.html', parent: null } },
      { sender: window, senderFrame: { url: window.url, parent: top } },
      { sender: window, senderFrame: null },
    ];
    for (const event of events) {
      expect(await raw('token.status', event, undefined)).toEqual({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses when the sender check itself fails', async () => {
    const ipcMain = new FakeIpcMain();
    const calls: RecordedCall[] = [];
    const lines: string[] = [];
    registerHandlers(
      ipcMain,
      recordingHandlers(calls),
      () => {
        throw new Error('frame detached');
      },
      { log: (line) => lines.push(line) },
    );
    const event = { sender: new FakeWebContents(), senderFrame: null };
    const listener = ipcMain.handlers.get('settings.get');
    expect(await listener?.(event, undefined)).toEqual({ ok: false, error: 'forbidden' });
    expect(calls).toEqual([]);
    expect(lines.join('\n')).toContain('frame detached');
  });
});

describe('a handler that fails', () => {
  const failing =
    (message: string, channel: InvokeChannel, asRejection: boolean) => (calls: RecordedCall[]) => {
      const handlers = recordingHandlers(calls) as unknown as Record<
        string,
        (args: unknown) => unknown
      >;
      handlers[channel] = asRejection
        ? () => Promise.reject(new Error(message))
        : () => {
            throw new TypeError(message);
          };
      return handlers as unknown as IpcHandlers;
    };

  it.each([false, true])(
    'answers internal and keeps the message out of the answer (async: %s)',
    async (asRejection) => {
      const { call, lines } = setup(
        failing('disk at /home/ali/.config is full', 'history.clear', asRejection),
      );
      const response = await call('history.clear', undefined);
      expect(response).toEqual({ ok: false, error: 'internal' });
      expect(JSON.stringify(response)).not.toContain('disk');
      expect(lines.join('\n')).toContain('history.clear failed');
      expect(lines.join('\n')).toContain('disk at /home/ali/.config is full');
    },
  );

  it('removes the token from what it logs', async () => {
    const token = 'tok_9f8e7d6c5b4a';
    const { call, lines } = setup(failing(`keychain rejected ${token}`, 'token.set', false));
    expect(await call('token.set', { token, test: false })).toEqual({
      ok: false,
      error: 'internal',
    });
    expect(lines.join('\n')).toContain('keychain rejected');
    expect(lines.join('\n')).not.toContain(token);
  });

  it('keeps answering later calls', async () => {
    const { call } = setup(failing('boom', 'state.get', false));
    await call('state.get', undefined);
    expect(await call('settings.get', undefined)).toMatchObject({ ok: true });
  });
});
