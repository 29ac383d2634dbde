import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AmootApi } from '../../../common/ipc/bridge.ts';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type InvokeChannel,
} from '../../../common/ipc/contract.ts';
import { IpcError } from '../../../common/ipc/ipc-error.ts';
import { pageApi } from '../../../common/ipc/page-api.ts';
import { registerHandlers, type IpcHandlers } from '../../../main/desktop/ipc/ipc-main.ts';
import { createAmootApi, type IpcTransport } from '../../../main/preload/api-factory.ts';
import { FakeWebContents } from '../shell/fake-electron.ts';
import { validArgs } from './arbitraries.ts';
import { FakeIpcMain } from './fake-ipc.ts';
import { memoryTransport } from './memory-transport.ts';
import {
  callChannel,
  recordingHandlers,
  sampleArgs,
  samplePayloads,
  sampleResults,
  type RecordedCall,
} from './samples.ts';

/**
 * The API over an in-memory transport to main's real registration, with a chosen trust answer:
 * `preload` as the preload builds it, `api` as the page uses it (`pageApi`, as `lib/api.ts` does).
 */
function connect(options: { trusted?: boolean; handlers?: IpcHandlers } = {}) {
  const ipcMain = new FakeIpcMain();
  const calls: RecordedCall[] = [];
  registerHandlers(
    ipcMain,
    options.handlers ?? recordingHandlers(calls),
    () => options.trusted ?? true,
    {
      log: () => {},
    },
  );
  const transport = memoryTransport(ipcMain, { sender: new FakeWebContents(), senderFrame: null });
  const listenerErrors: unknown[] = [];
  const preload = createAmootApi(transport, { onListenerError: (e) => listenerErrors.push(e) });
  return { api: pageApi(preload), preload, calls, transport, listenerErrors };
}

async function rejection(promise: Promise<unknown>): Promise<IpcError> {
  const error: unknown = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcError);
  return error as IpcError;
}

describe('createAmootApi over an in-memory transport', () => {
  it.each(INVOKE_CHANNELS)(
    'round-trips %s: arguments reach main, its result comes back',
    async (channel) => {
      const { api, calls } = connect();
      expect(await callChannel(api, channel, sampleArgs[channel])).toEqual(sampleResults[channel]);
      expect(calls).toEqual([{ channel, args: sampleArgs[channel] }]);
    },
  );

  it('carries any valid arguments to main unchanged', async () => {
    const channel = fc.constantFrom(...INVOKE_CHANNELS);
    const callArb = channel.chain((c) =>
      fc.tuple(fc.constant(c), validArgs[c] as fc.Arbitrary<unknown>),
    );
    await fc.assert(
      fc.asyncProperty(callArb, async ([c, args]) => {
        const { api, calls } = connect();
        await callChannel(api, c, args);
        expect(calls).toEqual([{ channel: c, args }]);
      }),
    );
  });

  it('offers exactly one method per channel, grouped, plus on', () => {
    const { preload: api } = connect();
    const methods = Object.entries(api).flatMap(([group, value]) =>
      typeof value === 'function'
        ? [group]
        : Object.keys(value as object).map((m) => `${group}.${m}`),
    );
    expect(methods.sort()).toEqual([...INVOKE_CHANNELS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.sync)).toBe(true);
  });

  it('throws IpcError forbidden when main refuses the sender', async () => {
    const { api, calls } = connect({ trusted: false });
    const error = await rejection(api.token.status());
    expect(error).toMatchObject({ code: 'forbidden', channel: 'token.status', path: null });
    expect(calls).toEqual([]);
  });

  it('throws IpcError bad-arguments naming the field', async () => {
    const { api } = connect();
    const bad = { limit: 0 } as Parameters<AmootApi['history']['page']>[0];
    const error = await rejection(api.history.page(bad));
    expect(error).toMatchObject({
      code: 'bad-arguments',
      channel: 'history.page',
      path: '$.limit',
    });
    expect(error.message).toContain('$.limit');
  });

  it('throws IpcError internal without the handler message when a handler throws', async () => {
    const handlers = {
      ...(recordingHandlers([]) as unknown as Record<string, unknown>),
      'export.csv': () => {
        throw new Error('EACCES /home/ali/contacts.csv');
      },
    } as unknown as IpcHandlers;
    const { api } = connect({ handlers });
    const error = await rejection(api.export.csv({ order: 'server-time' }));
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('EACCES');
  });

  it('throws IpcError unavailable when the transport cannot deliver the call', async () => {
    const transport: IpcTransport = {
      invoke: () => Promise.reject(new Error("No handler registered for 'sync.now'")),
      subscribe: () => () => {},
    };
    const error = await rejection(pageApi(createAmootApi(transport)).sync.now());
    expect(error).toMatchObject({ code: 'unavailable', channel: 'sync.now' });
  });

  it('answers every failure as plain data, which the contextBridge copies whole', async () => {
    const refused = connect({ trusted: false }).preload;
    const bad = { limit: 0 } as Parameters<AmootApi['history']['page']>[0];
    const unreachable = createAmootApi({
      invoke: () => Promise.reject(new Error("No handler registered for 'sync.now'")),
      subscribe: () => () => {},
    });
    const answers = [
      await refused.token.status(),
      await connect().preload.history.page(bad),
      await unreachable.sync.now(),
    ];
    expect(answers).toEqual([
      { ok: false, error: 'forbidden' },
      { ok: false, error: 'bad-arguments', path: '$.limit', expected: expect.any(String) },
      { ok: false, error: 'unavailable' },
    ]);
    expect(structuredClone(answers)).toEqual(answers);
  });

  it('passes on only the fields the contract names, whatever else the answer carried', async () => {
    const answers = [
      { ok: true, value: 1, stack: 'Error: EACCES /home/ali' },
      { ok: false, error: 'internal', message: 'EACCES /home/ali' },
      { ok: false, error: 'bad-arguments', path: '$', expected: 'x', value: 'Tok=en' },
    ];
    const passedOn = [];
    for (const answer of answers) {
      const transport: IpcTransport = { invoke: async () => answer, subscribe: () => () => {} };
      passedOn.push(await createAmootApi(transport).state.get());
    }
    expect(passedOn).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: 'internal' },
      { ok: false, error: 'bad-arguments', path: '$', expected: 'x' },
    ]);
  });

  it.each([
    undefined,
    null,
    'ok',
    { ok: 'yes' },
    { ok: false, error: 'bad-arguments' },
    { ok: false },
  ])('treats an answer that is not an envelope (%j) as internal', async (answer) => {
    const transport: IpcTransport = { invoke: async () => answer, subscribe: () => () => {} };
    expect((await rejection(pageApi(createAmootApi(transport)).state.get())).code).toBe('internal');
  });
});

describe('events', () => {
  it.each(EVENT_CHANNELS)('hands %s listeners the payload and nothing else', (channel) => {
    const { api, transport } = connect();
    const listener = vi.fn();
    api.on(channel, listener);
    transport.emit(channel, samplePayloads[channel]);
    expect(listener.mock.calls).toEqual([[samplePayloads[channel]]]);
  });

  it('stops delivering after unsubscribe, which may be called twice', () => {
    const { api, transport } = connect();
    const kept = vi.fn();
    const dropped = vi.fn();
    api.on('sync.progress', kept);
    const unsubscribe = api.on('sync.progress', dropped);
    unsubscribe();
    unsubscribe();
    transport.emit('sync.progress', samplePayloads['sync.progress']);
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
    expect(transport.listenerCount('sync.progress')).toBe(1);
  });

  it('refuses an event name the contract does not have, and a listener that is not a function', () => {
    const { api } = connect();
    const on = api.on as unknown as (event: unknown, listener: unknown) => unknown;
    expect(() => on('sync.progres', () => {})).toThrow(TypeError);
    expect(() => on('ipc-message', () => {})).toThrow(TypeError);
    expect(() => on('state.changed', 'not a function')).toThrow(TypeError);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { api, transport, listenerErrors } = connect();
    const after = vi.fn();
    api.on('updates.changed', () => {
      throw new Error('component crashed');
    });
    api.on('updates.changed', after);
    transport.emit('updates.changed', { runId: 'r' });
    expect(after).toHaveBeenCalledWith({ runId: 'r' });
    expect(listenerErrors).toHaveLength(1);
  });
});

// Every channel has a group.member method name (a typo in the contract would break the grouping).
it.each(INVOKE_CHANNELS)('%s is named group.member', (channel: InvokeChannel) => {
  expect(channel).toMatch(/^[a-z]+\.[a-z]+$/);
});
