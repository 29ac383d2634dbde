import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../common/ipc/contract.ts';
import {
  fieldRules,
  hostile,
  invalidValue,
  pauseRules,
  satisfiesContract,
  validArgs,
} from './arbitraries.ts';
import { expectBadArguments, setup } from './main-harness.ts';

describe('arguments', () => {
  it.each(INVOKE_CHANNELS)(
    '%s: any value outside the contract gets bad-arguments, never the handler',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(hostile, async (value) => {
          const { call, calls } = setup();
          const response = await call(channel, value);
          if (satisfiesContract(channel, value)) {
            expect(response.ok).toBe(true);
            expect(calls).toHaveLength(1);
          } else {
            expectBadArguments(response, '$');
            expect(calls).toEqual([]);
          }
        }),
      );
    },
  );

  it.each(Object.keys(fieldRules) as InvokeChannel[])(
    '%s: a near miss in one field names that field',
    async (channel) => {
      const rules = fieldRules[channel] ?? {};
      const mutation = fc
        .constantFrom(...Object.keys(rules))
        .chain((key) =>
          fc.record({ key: fc.constant(key), value: invalidValue(rules[key] ?? never()) }),
        );
      await fc.assert(
        fc.asyncProperty(
          validArgs[channel] as fc.Arbitrary<object>,
          mutation,
          async (args, { key, value }) => {
            const { call, calls } = setup();
            expectBadArguments(await call(channel, { ...args, [key]: value }), `$.${key}`);
            expect(calls).toEqual([]);
          },
        ),
      );
    },
  );

  it.each(Object.entries(pauseRules))(
    'sync.pause: a near miss in { %s } names that field',
    async (key, rule) => {
      await fc.assert(
        fc.asyncProperty(invalidValue(rule), async (value) => {
          const { call, calls } = setup();
          expectBadArguments(await call('sync.pause', { [key]: value }), `$.${key}`);
          expect(calls).toEqual([]);
        }),
      );
    },
  );

  it('names a missing required field, an unknown field, and a second pause shape', async () => {
    const { call, calls } = setup();
    expect(await call('updates.page', { order: 'server-time' })).toMatchObject({ path: '$.limit' });
    expect(await call('token.set', { token: 'abc' })).toMatchObject({ path: '$.test' });
    expect(await call('history.page', { limit: 5, page: 2 })).toMatchObject({ path: '$.page' });
    expect(await call('settings.set', { apiToken: 'abc' })).toMatchObject({ path: '$.apiToken' });
    expect(await call('sync.pause', { for: 60_000, untilResumed: true })).toMatchObject({
      path: '$.untilResumed',
    });
    expect(await call('sync.pause', {})).toMatchObject({ error: 'bad-arguments', path: '$' });
    expect(calls).toEqual([]);
  });

  it('refuses a second argument, since the preload never sends one', async () => {
    const { call, calls } = setup();
    expect(await call('sync.now', undefined, 'extra')).toMatchObject({ error: 'bad-arguments' });
    expect(calls).toEqual([]);
  });

  it('refuses a getter without running it', async () => {
    const { call } = setup();
    let read = false;
    const args = {
      order: 'server-time',
      get limit() {
        read = true;
        return 10;
      },
    };
    expect(await call('updates.page', args)).toMatchObject({ path: '$.limit' });
    expect(read).toBe(false);
  });

  it('never writes refused values to the log', async () => {
    const { call, lines } = setup();
    await call('token.set', { token: 'tok-should-not-leak', test: 'also-secret' });
    await call('settings.set', { baseUrl: 42, contactGroupId: 'tok-should-not-leak' });
    expect(lines.join('\n')).toContain('$.test');
    expect(lines.join('\n')).not.toMatch(/tok-should-not-leak|also-secret/);
  });

  it.each(INVOKE_CHANNELS)(
    '%s: valid arguments reach the handler as a fresh copy of the same data',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(validArgs[channel] as fc.Arbitrary<unknown>, async (args) => {
          const { call, calls } = setup();
          expect((await call(channel, args)).ok).toBe(true);
          expect(calls).toHaveLength(1);
          expect(calls[0]?.args).toEqual(args);
          if (args !== undefined) expect(calls[0]?.args).not.toBe(args);
        }),
      );
    },
  );

  it('treats an optional field sent as undefined as not sent', async () => {
    const { call, calls } = setup();
    await call('updates.page', { order: 'server-time', limit: 10, kinds: undefined });
    await call('settings.set', { theme: 'dark', language: undefined });
    expect(calls.map((c) => Object.keys(c.args as object))).toEqual([
      ['order', 'limit'],
      ['theme'],
    ]);
  });
});

function never(): never {
  throw new Error('unreachable');
}
