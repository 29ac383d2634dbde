/**
 * The data set and the ways a test changes it between two syncs. Every change stamps the record
 * with "now", and "now" never repeats or goes back between calls, so each change is visible to a
 * client that compares UpdateDateTime values.
 */
import { createPrng, deriveSeed } from './prng.ts';
import type { Prng } from './prng.ts';
import { RecordStore } from './record-store.ts';
import { seedRecords } from './seed-data.ts';
import { formatTehran, stampFromEpochMs } from './tehran-time.ts';
import type { Stamp } from './tehran-time.ts';
import type { SimRecord } from './types.ts';

export interface ContactDataOptions {
  contacts: number;
  seed: number;
  bigIds: boolean;
  now: () => number;
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
}

export class ContactData {
  readonly store = new RecordStore();
  #pick: Prng;
  #nextId: bigint;
  #now: () => number;
  #lastStampMs = Number.NEGATIVE_INFINITY;
  #version = 0;
  #rendered: { version: number; chunks: Buffer[] } | null = null;

  constructor(options: ContactDataOptions) {
    checkCount(options.contacts);
    this.#now = options.now;
    this.#nextId = seedRecords(this.store, options);
    this.#pick = createPrng(deriveSeed(options.seed, 2));
  }

  /** Bumped by every change, so a rendered answer knows when it is stale. */
  get version(): number {
    return this.#version;
  }

  /**
   * The Success body as bytes, rendered once per version of the data: a real server answers a
   * repeated request from its own caches, and the client's benchmarks must measure the client, not
   * the simulator formatting a million records again.
   */
  renderedAnswer(render: () => Iterable<string>): Buffer[] {
    if (this.#rendered?.version !== this.#version) {
      this.#rendered = null;
      const chunks = Array.from(render(), (text) => Buffer.from(text, 'utf8'));
      this.#rendered = { version: this.#version, chunks };
    }
    return this.#rendered.chunks;
  }

  /** The UpdateDateTime text of a slot, exactly as served. */
  timeText(slot: number): string {
    return formatTehran(this.store.seconds(slot), this.store.ticks(slot));
  }

  records(): SimRecord[] {
    const out: SimRecord[] = [];
    const { store } = this;
    for (let slot = 0; slot < store.slotCount; slot++) {
      if (store.isRemoved(slot)) continue;
      out.push({
        id: store.id(slot),
        updateDateTime: this.timeText(slot),
        deleted: store.isDeleted(slot),
      });
    }
    return out;
  }

  /** Touches `count` seeded-random served, non-deleted records (fewer if there are not enough). */
  update(count: number): bigint[] {
    checkCount(count);
    const { store } = this;
    const candidates: number[] = [];
    for (let slot = 0; slot < store.slotCount; slot++) {
      if (!store.isRemoved(slot) && !store.isDeleted(slot)) candidates.push(slot);
    }
    const take = Math.min(count, candidates.length);
    for (let i = 0; i < take; i++) {
      const j = i + this.#pick.int(candidates.length - i);
      const chosen = candidates[j] ?? 0;
      candidates[j] = candidates[i] ?? 0;
      candidates[i] = chosen;
    }
    const slots = candidates.slice(0, take);
    this.#touch(slots);
    return slots.map((slot) => store.id(slot));
  }

  updateIds(ids: readonly bigint[]): void {
    this.#touch(this.store.slotsOf(ids));
  }

  add(count: number): bigint[] {
    checkCount(count);
    const stamp = this.#stamp();
    const ids: bigint[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.#nextId;
      this.#nextId += 1n + BigInt(this.#pick.int(3));
      this.store.push(id, stamp.seconds, stamp.ticks, false);
      ids.push(id);
    }
    if (count > 0) this.#version++;
    return ids;
  }

  markDeleted(ids: readonly bigint[]): void {
    this.#setDeleted(ids, true);
  }

  restore(ids: readonly bigint[]): void {
    this.#setDeleted(ids, false);
  }

  remove(ids: readonly bigint[]): void {
    for (const slot of this.store.slotsOf(ids)) this.store.setRemoved(slot);
    this.#version++;
  }

  #setDeleted(ids: readonly bigint[], deleted: boolean): void {
    const slots = this.store.slotsOf(ids);
    for (const slot of slots) this.store.setDeleted(slot, deleted);
    this.#touch(slots);
  }

  #touch(slots: readonly number[]): void {
    if (slots.length === 0) return;
    this.#version++;
    const stamp = this.#stamp();
    for (const slot of slots) this.store.setTime(slot, stamp.seconds, stamp.ticks);
  }

  #stamp(): Stamp {
    const ms = Math.max(this.#now(), this.#lastStampMs + 1);
    this.#lastStampMs = ms;
    return stampFromEpochMs(ms);
  }
}
