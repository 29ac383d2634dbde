import { describe, expect, it } from 'vitest';
import { ContactData } from '../../simulator/contact-data.ts';
import { MAX_ID } from '../../simulator/seed-data.ts';

const NOW = Date.UTC(2025, 9, 20, 9, 41, 3, 350);
const make = (options: Partial<{ contacts: number; seed: number; bigIds: boolean }> = {}) =>
  new ContactData({ contacts: 100, seed: 1, bigIds: false, now: () => NOW, ...options });
const fractionDigits = (time: string) => time.split('.')[1]?.length ?? 0;

describe('ContactData seeding', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    expect(make().records()).toEqual(make().records());
    expect(make({ seed: 2 }).records()).not.toEqual(make().records());
  });

  it('has unique IDs, a few tombstones, and 0, 1, 2, 3 and 7 fraction digits', () => {
    const records = make().records();
    expect(new Set(records.map((r) => r.id)).size).toBe(100);
    const deleted = records.filter((r) => r.deleted).length;
    expect(deleted).toBeGreaterThan(0);
    expect(deleted).toBeLessThan(15);
    const digits = new Set(records.map((r) => fractionDigits(r.updateDateTime)));
    for (const d of [0, 1, 2, 3, 7]) expect(digits).toContain(d);
  });

  it('keeps seeded times within 90 days before a fixed past epoch', () => {
    const times = make({ contacts: 1000 })
      .records()
      .map((r) => Date.parse(`${r.updateDateTime}+03:30`));
    const spread = Math.max(...times) - Math.min(...times);
    expect(spread).toBeGreaterThan(80 * 86_400_000);
    expect(spread).toBeLessThanOrEqual(90 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2025, 7, 1));
  });

  it('mixes in IDs above 2^53, the largest long among them, when asked', () => {
    const ids = make({ bigIds: true })
      .records()
      .map((r) => r.id);
    expect(ids).toContain(MAX_ID);
    expect(ids).toContain(9007199254740993n);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      make()
        .records()
        .every((r) => r.id < 2n ** 53n),
    ).toBe(true);
  });
});

describe('ContactData changes', () => {
  it('stamps updated records with now, and never the same instant twice', () => {
    const data = make();
    const first = data.update(3);
    const second = data.update(2);
    const byId = new Map(data.records().map((r) => [r.id, r]));
    expect(first.map((id) => byId.get(id)?.updateDateTime)).toEqual(
      Array(3).fill('2025-10-20T13:11:03.35'),
    );
    for (const id of second) expect(byId.get(id)?.updateDateTime).toBe('2025-10-20T13:11:03.351');
  });

  it('updates only served, non-deleted records and caps the count', () => {
    const data = make({ contacts: 20 });
    const deleted = data
      .records()
      .filter((r) => r.deleted)
      .map((r) => r.id);
    const ids = data.update(1000);
    expect(ids.length).toBe(20 - deleted.length);
    for (const id of deleted) expect(ids).not.toContain(id);
  });

  it('adds new unique IDs, marks, restores and removes', () => {
    const data = make({ contacts: 5 });
    const added = data.add(2);
    expect(
      data
        .records()
        .slice(-2)
        .map((r) => r.id),
    ).toEqual(added);
    const [a = 0n, b = 0n] = added;
    data.markDeleted([a]);
    expect(data.records().find((r) => r.id === a)?.deleted).toBe(true);
    data.restore([a]);
    expect(data.records().find((r) => r.id === a)?.deleted).toBe(false);
    data.remove([b]);
    expect(data.records().map((r) => r.id)).not.toContain(b);
    expect(data.store.liveCount).toBe(6);
  });

  it('rejects unknown or removed IDs without changing anything', () => {
    const data = make({ contacts: 5 });
    const [first] = data.records();
    const before = data.records();
    expect(() => data.markDeleted([first?.id ?? 0n, 1n])).toThrow(/unknown contact id/);
    expect(data.records()).toEqual(before);
    data.remove([first?.id ?? 0n]);
    expect(() => data.updateIds([first?.id ?? 0n])).toThrow(/unknown contact id/);
  });
});
