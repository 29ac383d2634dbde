import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bodyChunks, bodyLength } from '../../simulator/body-plan.ts';
import type { BodyPlan } from '../../simulator/body-plan.ts';
import { pump, takeChars } from '../../simulator/http-util.ts';

/** Items 0..count-1 as `{"n":i}`, skipping multiples of `skipEvery`. */
function plan(count: number, extra: string[] = [], skipEvery = 0): BodyPlan {
  return {
    head: '{"Data":[',
    items: {
      slotCount: count,
      include: (slot) => skipEvery === 0 || slot % skipEvery !== 0,
      render: (slot) => `{"n":${slot}}`,
    },
    extra,
    tail: ']}',
  };
}

/** A sink that takes one chunk per tick and remembers how much was ever queued in it. */
function slowSink(highWaterMark: number) {
  const received: string[] = [];
  let maxQueued = 0;
  const sink = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      setImmediate(done);
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string) => {
    const ok = write(chunk);
    maxQueued = Math.max(maxQueued, sink.writableLength);
    return ok;
  }) as typeof sink.write;
  return { sink, received, maxQueued: () => maxQueued };
}

describe('bodyChunks', () => {
  it('renders valid JSON in bounded chunks, skipping unserved items and appending extras', () => {
    const chunks = [...bodyChunks(plan(5000, ['{"n":"x"}'], 7), 1024)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1024 + 20);
    const parsed = JSON.parse(chunks.join('')) as { Data: { n: number | string }[] };
    expect(parsed.Data).toHaveLength(5000 - Math.ceil(5000 / 7) + 1);
    expect(parsed.Data.at(-1)).toEqual({ n: 'x' });
    expect(bodyLength(plan(5000, ['{"n":"x"}'], 7))).toBe(chunks.join('').length);
  });

  it('places commas right when only extras or nothing is served', () => {
    expect([...bodyChunks({ ...plan(0), extra: ['1', '2'] })].join('')).toBe('{"Data":[1,2]}');
    expect([...bodyChunks(plan(0))].join('')).toBe('{"Data":[]}');
  });

  it('cuts to an exact character count', () => {
    const whole = [...bodyChunks(plan(300), 64)].join('');
    expect([...takeChars(bodyChunks(plan(300), 64), 101)].join('')).toBe(whole.slice(0, 101));
  });
});

describe('pump', () => {
  it('waits for drain, so a slow reader never has more than about one chunk queued', async () => {
    const { sink, received, maxQueued } = slowSink(4096);
    expect(await pump(bodyChunks(plan(20_000), 4096), sink)).toBe(true);
    expect(received.join('')).toBe([...bodyChunks(plan(20_000), 4096)].join(''));
    expect(maxQueued()).toBeLessThan(3 * 4096);
  });

  it('stops and reports false when the reader goes away', async () => {
    const { sink, received } = slowSink(1024);
    setTimeout(() => sink.destroy(), 5);
    expect(await pump(bodyChunks(plan(1_000_000), 1024), sink)).toBe(false);
    expect(received.length).toBeLessThan(1000);
  });
});
