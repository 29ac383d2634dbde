import { describe, expect, it } from 'vitest';
import type { AmootBridge } from '../../../common/ipc/bridge.ts';
import { IpcError, reviveIpcError } from '../../../common/ipc/ipc-error.ts';
import { withRevivedErrors } from '../../../common/ipc/revive-errors.ts';
import { createAmootApi, type IpcTransport } from '../../../main/preload/api-factory.ts';

/** What the contextBridge does to an error thrown across it: a new Error with only the message. */
function acrossBridge(error: unknown): Error {
  return new Error(error instanceof Error ? error.message : String(error));
}

describe('reviveIpcError', () => {
  it.each([
    new IpcError('bad-arguments', 'updates.page', {
      path: '$.kinds[1]',
      expected: 'one of "added"',
    }),
    new IpcError('forbidden', 'token.set'),
    new IpcError('internal', 'export.csv'),
    new IpcError('unavailable', 'sync.now'),
  ])('rebuilds $code from the message alone', (original) => {
    const revived = reviveIpcError(acrossBridge(original));
    expect(revived).toBeInstanceOf(IpcError);
    expect(revived).toMatchObject({
      code: original.code,
      channel: original.channel,
      path: original.path,
      expected: original.expected,
    });
  });

  it('still finds the tail when the bridge puts words in front of the message', () => {
    const original = new IpcError('internal', 'logs.open');
    expect(reviveIpcError(new Error(`Uncaught Error: ${original.message}`))).toMatchObject({
      code: 'internal',
      channel: 'logs.open',
    });
  });

  it('leaves other errors and forged tails as they are', () => {
    const plain = new Error('network down');
    const wrongCode = new Error('x amoot-ipc:{"code":"root","channel":"sync.now"}');
    const wrongChannel = new Error('x amoot-ipc:{"code":"internal","channel":"shell.exec"}');
    const broken = new Error('x amoot-ipc:{"code":');
    for (const error of [plain, wrongCode, wrongChannel, broken, 'text', null]) {
      expect(reviveIpcError(error)).toBe(error);
    }
  });
});

describe('withRevivedErrors', () => {
  /** `createAmootApi` as the page sees it through the contextBridge: errors lose their type. */
  function bridged(answer: unknown): AmootBridge {
    const transport: IpcTransport = { invoke: async () => answer, subscribe: () => () => {} };
    const api = createAmootApi(transport) as unknown as Record<string, unknown>;
    const copy: Record<string, unknown> = { version: '1.0.0', platform: 'linux', on: api['on'] };
    for (const [group, methods] of Object.entries(api)) {
      if (typeof methods === 'function') continue;
      copy[group] = Object.fromEntries(
        Object.entries(methods as Record<string, (a?: unknown) => Promise<unknown>>).map(
          ([name, fn]) => [
            name,
            (a?: unknown) => fn(a).catch((e: unknown) => Promise.reject(acrossBridge(e))),
          ],
        ),
      );
    }
    return copy as unknown as AmootBridge;
  }

  it('makes calls reject with IpcError again, and passes values and app info through', async () => {
    const failing = withRevivedErrors(
      bridged({ ok: false, error: 'bad-arguments', path: '$.limit', expected: 'x' }),
    );
    await expect(failing.history.page({ limit: 1 })).rejects.toMatchObject({
      constructor: IpcError,
      code: 'bad-arguments',
      path: '$.limit',
    });
    const working = withRevivedErrors(bridged({ ok: true, value: { ok: true } }));
    expect(await working.logs.open()).toEqual({ ok: true });
    expect(working.version).toBe('1.0.0');
  });

  it('fails at once when the preload lacks a call the page expects', () => {
    const partial = bridged({ ok: true }) as unknown as Record<string, Record<string, unknown>>;
    delete partial['token']?.['clear'];
    expect(() => withRevivedErrors(partial as unknown as AmootBridge)).toThrow(/token\.clear/);
  });
});
