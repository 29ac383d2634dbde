import { describe, expect, it } from 'vitest';
import type { PreloadBridge } from '../../../common/ipc/bridge.ts';
import { IpcError } from '../../../common/ipc/ipc-error.ts';
import { pageApi } from '../../../common/ipc/page-api.ts';
import { createAmootApi, type IpcTransport } from '../../../main/preload/api-factory.ts';
import { callChannel, sampleArgs } from './samples.ts';

/** What the contextBridge does to an error thrown across it: a new Error with only the message. */
function acrossBridge(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}

/**
 * `createAmootApi` as the page sees it through the contextBridge: answers are copied as data,
 * and a rejection loses its type and fields (`reword` stands for what the bridge does to it).
 */
function bridged(
  invoke: IpcTransport['invoke'],
  reword: (error: unknown) => unknown = acrossBridge,
): PreloadBridge {
  const api = createAmootApi({ invoke, subscribe: () => () => {} }) as unknown as Record<
    string,
    unknown
  >;
  const copy: Record<string, unknown> = { version: '1.0.0', platform: 'linux', on: api['on'] };
  for (const [group, methods] of Object.entries(api)) {
    if (typeof methods === 'function') continue;
    copy[group] = Object.fromEntries(
      Object.entries(methods as Record<string, (a?: unknown) => Promise<unknown>>).map(
        ([name, fn]) => [
          name,
          (a?: unknown) =>
            fn(a).then(
              (value) => structuredClone(value),
              (e: unknown) => Promise.reject(reword(e)),
            ),
        ],
      ),
    );
  }
  return copy as unknown as PreloadBridge;
}

const answering =
  (answer: unknown): IpcTransport['invoke'] =>
  async () =>
    answer;

/** Main's side of each failure: the envelope it answers with, or no answer at all. */
function mainFailing(original: IpcError): IpcTransport['invoke'] {
  if (original.code === 'unavailable') {
    return () => Promise.reject(new Error(`No handler registered for '${original.channel}'`));
  }
  return answering(
    original.code === 'bad-arguments'
      ? { ok: false, error: original.code, path: original.path, expected: original.expected }
      : { ok: false, error: original.code },
  );
}

describe('IpcError on the page', () => {
  it.each([
    new IpcError('bad-arguments', 'updates.page', {
      path: '$.kinds[1]',
      expected: 'one of "added"',
    }),
    new IpcError('forbidden', 'token.set'),
    new IpcError('internal', 'export.csv'),
    new IpcError('unavailable', 'sync.now'),
  ])('arrives as $code with all its fields, across the bridge', async (original) => {
    const page = pageApi(bridged(mainFailing(original)));
    const revived = await callChannel(page, original.channel, sampleArgs[original.channel]).then(
      () => expect.unreachable('the call should have failed'),
      (e: unknown) => e,
    );
    expect(revived).toBeInstanceOf(IpcError);
    expect(revived).toMatchObject({
      code: original.code,
      channel: original.channel,
      path: original.path,
      expected: original.expected,
    });
  });

  it('does not depend on how the bridge words a rejection', async () => {
    const page = pageApi(
      bridged(answering({ ok: false, error: 'internal' }), (e) => {
        return new Error(`Uncaught Error: ${acrossBridge(e).message}`);
      }),
    );
    await expect(page.logs.open()).rejects.toMatchObject({
      code: 'internal',
      channel: 'logs.open',
    });
  });

  it('leaves other errors and forged tails as they are', async () => {
    const plain = new Error('network down');
    const wrongCode = new Error('x amoot-ipc:{"code":"root","channel":"sync.now"}');
    const wrongChannel = new Error('x amoot-ipc:{"code":"internal","channel":"shell.exec"}');
    const broken = new Error('x amoot-ipc:{"code":');
    for (const error of [plain, wrongCode, wrongChannel, broken, 'text', null]) {
      const rejecting = bridged(answering({ ok: true }));
      const sync = { ...rejecting.sync, now: () => Promise.reject(error) };
      const page = pageApi({ ...rejecting, sync } as PreloadBridge);
      await expect(page.sync.now()).rejects.toBe(error);
    }
  });
});

describe('pageApi', () => {
  it('makes calls reject with IpcError, and passes values and app info through', async () => {
    const failing = pageApi(
      bridged(answering({ ok: false, error: 'bad-arguments', path: '$.limit', expected: 'x' })),
    );
    await expect(failing.history.page({ limit: 1 })).rejects.toMatchObject({
      constructor: IpcError,
      code: 'bad-arguments',
      path: '$.limit',
    });
    const working = pageApi(bridged(answering({ ok: true, value: { ok: true } })));
    expect(await working.logs.open()).toEqual({ ok: true });
    expect(working.version).toBe('1.0.0');
  });

  it('fails at once when the preload lacks a call the page expects', () => {
    const partial = bridged(answering({ ok: true })) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    delete partial['token']?.['clear'];
    expect(() => pageApi(partial as unknown as PreloadBridge)).toThrow(/token\.clear/);
  });
});
