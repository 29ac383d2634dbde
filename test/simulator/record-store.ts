/**
 * Column storage for contacts. A million records as JS objects (bigint + string each) would cost
 * hundreds of MB; typed arrays keep it near 18 bytes per record, so the simulator can serve the
 * sizes the client must survive. Slots are never reused or compacted: a removed record keeps its
 * slot with a flag, which keeps slot numbers stable while an answer is being streamed.
 */

const DELETED = 1;
const REMOVED = 2;

export class RecordStore {
  #ids = new BigInt64Array(16);
  #seconds = new Float64Array(16);
  #ticks = new Int32Array(16);
  #flags = new Uint8Array(16);
  #length = 0;
  #live = 0;

  /** Slots in use, removed ones included: iterate `0..slotCount` and skip `isRemoved`. */
  get slotCount(): number {
    return this.#length;
  }

  /** Records still served (not removed). */
  get liveCount(): number {
    return this.#live;
  }

  /** Sizes the columns once for a known count, instead of doubling (and copying) up to it. */
  reserve(capacity: number): void {
    if (capacity > this.#ids.length) this.#grow(capacity);
  }

  push(id: bigint, seconds: number, ticks: number, deleted: boolean): number {
    if (this.#length === this.#ids.length) this.#grow(this.#length * 2);
    const slot = this.#length++;
    this.#ids[slot] = id;
    this.#seconds[slot] = seconds;
    this.#ticks[slot] = ticks;
    this.#flags[slot] = deleted ? DELETED : 0;
    this.#live++;
    return slot;
  }

  id(slot: number): bigint {
    return this.#ids[slot] ?? 0n;
  }

  seconds(slot: number): number {
    return this.#seconds[slot] ?? 0;
  }

  ticks(slot: number): number {
    return this.#ticks[slot] ?? 0;
  }

  isDeleted(slot: number): boolean {
    return ((this.#flags[slot] ?? 0) & DELETED) !== 0;
  }

  isRemoved(slot: number): boolean {
    return ((this.#flags[slot] ?? 0) & REMOVED) !== 0;
  }

  setTime(slot: number, seconds: number, ticks: number): void {
    this.#seconds[slot] = seconds;
    this.#ticks[slot] = ticks;
  }

  setDeleted(slot: number, deleted: boolean): void {
    const flags = this.#flags[slot] ?? 0;
    this.#flags[slot] = deleted ? flags | DELETED : flags & ~DELETED;
  }

  setRemoved(slot: number): void {
    if (this.isRemoved(slot)) return;
    this.#flags[slot] = (this.#flags[slot] ?? 0) | REMOVED;
    this.#live--;
  }

  /**
   * Slots of the given IDs, in the same order. Throws on an ID that is unknown or removed, before
   * anything changes, so a mistyped ID in a test fails loudly instead of being ignored.
   */
  slotsOf(ids: readonly bigint[]): number[] {
    const wanted = new Map<bigint, number>();
    for (const id of ids) wanted.set(id, -1);
    let remaining = wanted.size;
    for (let slot = 0; slot < this.#length && remaining > 0; slot++) {
      const id = this.#ids[slot] ?? 0n;
      if (wanted.get(id) === -1 && !this.isRemoved(slot)) {
        wanted.set(id, slot);
        remaining--;
      }
    }
    const missing = ids.filter((id) => wanted.get(id) === -1);
    if (missing.length > 0) throw new RangeError(`unknown contact id(s): ${missing.join(', ')}`);
    return ids.map((id) => wanted.get(id) ?? -1);
  }

  #grow(capacity: number): void {
    const ids = new BigInt64Array(capacity);
    ids.set(this.#ids);
    const seconds = new Float64Array(capacity);
    seconds.set(this.#seconds);
    const ticks = new Int32Array(capacity);
    ticks.set(this.#ticks);
    const flags = new Uint8Array(capacity);
    flags.set(this.#flags);
    this.#ids = ids;
    this.#seconds = seconds;
    this.#ticks = ticks;
    this.#flags = flags;
  }
}
