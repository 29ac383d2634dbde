/**
 * A mirrored contact's update time and both flags packed in one number:
 * `updatedAtMs * 4 + deleted * 2 + missing`. The SQLite mirror keeps it in one integer column,
 * `state`, and the diff holds a million of them in a Float64Array, so the value the store reads is
 * the value the diff compares, with no row object built and no unpacking in between. Binding and
 * reading one value instead of three measured about a quarter faster both ways. The mirror's
 * `MAX_ABS_TIME_MS` (2^50) keeps the product exact in a double.
 */

const DELETED = 2;
const MISSING = 1;

export function packState(updatedAtMs: number, deleted: boolean, missing: boolean): number {
  return updatedAtMs * 4 + (deleted ? DELETED : 0) + (missing ? MISSING : 0);
}

export function stateTime(state: number): number {
  return Math.floor(state / 4);
}

/** The two flag bits; works for negative times too, because the time part is a multiple of 4. */
export function stateFlags(state: number): number {
  return state - Math.floor(state / 4) * 4;
}

export function isDeleted(flags: number): boolean {
  return (flags & DELETED) !== 0;
}

export function isMissing(flags: number): boolean {
  return (flags & MISSING) !== 0;
}
