/**
 * Builds the deterministic starting data set. Everything derives from the seed (including the
 * "present" the times are spread before), never from the wall clock, so two runs with the same
 * seed serve byte-identical answers.
 */
import { createPrng, deriveSeed } from './prng.ts';
import type { Prng } from './prng.ts';
import type { RecordStore } from './record-store.ts';

/** The largest signed 64-bit value: the largest ID a .NET `long` can carry. */
export const MAX_ID = 9223372036854775807n;
const TWO_POW_53 = 9007199254740992n;
const DAY_SECONDS = 86_400;

export interface SeedOptions {
  contacts: number;
  seed: number;
  bigIds: boolean;
}

/**
 * The instant the seeded times lie before: somewhere in the first half of 2025, so it is in the
 * past of any real run and `update()` ("now") always moves a record forward in time.
 */
export function seedEpochSeconds(seed: number): number {
  const start = Date.UTC(2025, 0, 1, 8, 30, 0) / 1000;
  const mixed = deriveSeed(seed, 0);
  return start + (mixed % 180) * DAY_SECONDS + (mixed % 86_399);
}

/**
 * Fraction digit counts of the first records, so every data set shows the vendor's 2 digits, none,
 * the documented 3, full .NET precision 7, and the rest, whatever the seed.
 */
const LEADING_DIGITS = [2, 0, 3, 7, 1, 4, 5, 6];
const DIGIT_MIX = [0, 1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 6, 7, 7];

function fractionTicks(prng: Prng, digits: number): number {
  if (digits === 0) return 0;
  const limit = 10 ** digits;
  let value = 1 + prng.int(limit - 1);
  if (value % 10 === 0) value += 1; // a trailing zero would be trimmed, giving fewer digits
  return value * 10 ** (7 - digits);
}

/** IDs above 2^53 that a lossy `number` would corrupt; the first ones are the classic edge cases. */
function bigIdValues(prng: Prng, count: number): bigint[] {
  const values = [MAX_ID, TWO_POW_53 + 1n, TWO_POW_53];
  const seen = new Set(values);
  while (values.length < count) {
    const candidate = TWO_POW_53 + 2n + (prng.uint64() % (MAX_ID - TWO_POW_53 - 2n));
    if (!seen.has(candidate)) {
      seen.add(candidate);
      values.push(candidate);
    }
  }
  return values.slice(0, count);
}

/** Fills `store` and returns the next free ordinary ID (new records continue from it). */
export function seedRecords(store: RecordStore, options: SeedOptions): bigint {
  const { contacts, seed, bigIds } = options;
  const prng = createPrng(deriveSeed(seed, 1));
  const epoch = seedEpochSeconds(seed);
  const bigSlots = new Map<number, bigint>();
  if (bigIds && contacts > 0) {
    const count = Math.min(contacts, Math.max(3, Math.floor(contacts / 100)));
    const values = bigIdValues(prng, count);
    // Spread over the set, the largest ID in the last position chosen.
    values.forEach((value, k) => {
      bigSlots.set(Math.floor(((count - 1 - k + 0.5) * contacts) / count), value);
    });
  }
  store.reserve(contacts);
  let nextId = 12_000_000n + BigInt(prng.int(1_000_000));
  for (let slot = 0; slot < contacts; slot++) {
    const seconds = epoch - prng.int(90 * DAY_SECONDS);
    const digits = LEADING_DIGITS[slot] ?? DIGIT_MIX[prng.int(DIGIT_MIX.length)] ?? 3;
    const ticks = fractionTicks(prng, digits);
    // A few tombstones, one at a fixed place so small sets have one too.
    const deleted = slot === 9 || (slot > 9 && prng.next() < 0.03);
    let id = bigSlots.get(slot);
    if (id === undefined) {
      id = nextId;
      nextId += 1n + BigInt(prng.int(3));
    }
    store.push(id, seconds, ticks, deleted);
  }
  return nextId;
}
