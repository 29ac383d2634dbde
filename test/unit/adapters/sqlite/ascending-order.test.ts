import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascendingOrder } from '../../../../main/adapters/sqlite/ascending-order.ts';

/** The same order, the slow and obvious way. */
function reference(keys: readonly number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
}

describe('ascendingOrder', () => {
  it('orders like a stable comparator sort, for IDs of every size', () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(Number),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (keys) => {
        expect([...ascendingOrder(Float64Array.from(keys))]).toEqual(reference(keys));
      }),
    );
  });

  it('keeps repeated keys in input order, so the last of a repeated ID is written last', () => {
    expect([...ascendingOrder(Float64Array.from([5, 3, 5, 3, 0, 5]))]).toEqual([4, 1, 3, 0, 2, 5]);
  });

  it('handles nothing, one key and keys sharing every digit but one', () => {
    expect([...ascendingOrder(new Float64Array(0))]).toEqual([]);
    expect([...ascendingOrder(Float64Array.from([42]))]).toEqual([0]);
    expect([...ascendingOrder(Float64Array.from([2 ** 40 + 2, 2 ** 40, 2 ** 40 + 1]))]).toEqual([
      1, 2, 0,
    ]);
  });
});
