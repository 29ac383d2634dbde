import os from 'node:os';

const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/**
 * The positions of `keys` in ascending order; equal keys keep their input order. Keys must be
 * non-negative (contact IDs are): their IEEE-754 bit patterns then sort like their values, so a
 * radix sort on the bits, 16 at a time, orders a million keys in about a third of the time `sort`
 * with a comparator takes. A big-endian machine (none we ship for) gets the comparator.
 */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  const count = keys.length;
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  if (os.endianness() !== 'LE') {
    return order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  }
  // Little-endian: word 2i holds the low 32 bits of key i, word 2i+1 the high 32. Both halves
  // travel with the positions, so every pass reads its input in sequence.
  const words = new Uint32Array(keys.buffer, keys.byteOffset, count * 2);
  let low = new Uint32Array(count);
  let high = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) {
    low[i] = words[i * 2] as number;
    high[i] = words[i * 2 + 1] as number;
  }
  let nextOrder = new Uint32Array(count);
  let nextLow = new Uint32Array(count);
  let nextHigh = new Uint32Array(count);
  const starts = new Uint32Array(BUCKETS);
  for (const pass of [0, 1, 2, 3]) {
    const shift = (pass % 2) * DIGIT_BITS;
    let source = pass < 2 ? low : high;
    starts.fill(0);
    for (let i = 0; i < count; i += 1) {
      const digit = ((source[i] as number) >>> shift) & DIGIT_MASK;
      starts[digit] = (starts[digit] as number) + 1;
    }
    // A digit every key shares (the exponent, mostly) cannot change the order: skip the pass.
    if (starts.includes(count)) continue;
    let position = 0;
    for (let digit = 0; digit < BUCKETS; digit += 1) {
      const size = starts[digit] as number;
      starts[digit] = position;
      position += size;
    }
    source = pass < 2 ? low : high;
    for (let i = 0; i < count; i += 1) {
      const digit = ((source[i] as number) >>> shift) & DIGIT_MASK;
      const at = starts[digit] as number;
      starts[digit] = at + 1;
      nextOrder[at] = order[i] as number;
      nextLow[at] = low[i] as number;
      nextHigh[at] = high[i] as number;
    }
    [order, nextOrder] = [nextOrder, order];
    [low, nextLow] = [nextLow, low];
    [high, nextHigh] = [nextHigh, high];
  }
  return order;
}
