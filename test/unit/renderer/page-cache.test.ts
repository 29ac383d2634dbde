import { describe, expect, it } from 'vitest';
import { PageCache, pagesFor } from '../../../renderer/src/lib/page-cache.ts';

const page = (n: number): number[] => Array.from({ length: 10 }, (_, i) => n * 10 + i);

describe('PageCache', () => {
  it('finds a row by its list position', () => {
    const cache = new PageCache<number>(10, 3);
    cache.set(4, page(4));
    expect(cache.item(47)).toBe(47);
    expect(cache.item(51)).toBeUndefined();
  });

  it('keeps a bounded number of pages, dropping the least recently used', () => {
    const cache = new PageCache<number>(10, 3);
    cache.set(0, page(0));
    cache.set(1, page(1));
    cache.set(2, page(2));
    cache.get(0);
    cache.set(3, page(3));
    expect(cache.size).toBe(3);
    expect(cache.has(1)).toBe(false);
    expect(cache.has(0)).toBe(true);
    cache.item(25);
    cache.set(4, page(4));
    expect(cache.has(0)).toBe(false);
    expect(cache.has(2)).toBe(true);
  });

  it('forgets everything on clear', () => {
    const cache = new PageCache<number>(10, 3);
    cache.set(0, page(0));
    cache.clear();
    expect(cache.item(0)).toBeUndefined();
  });

  it('refuses a size that makes no sense', () => {
    expect(() => new PageCache(0, 3)).toThrow(RangeError);
    expect(() => new PageCache(10, 0)).toThrow(RangeError);
  });
});

describe('pagesFor', () => {
  it('lists the pages a range of rows spans', () => {
    expect(pagesFor(0, 30, 100)).toEqual([0]);
    expect(pagesFor(95, 130, 100)).toEqual([0, 1]);
    expect(pagesFor(999_900, 1_000_000, 100)).toEqual([9999]);
    expect(pagesFor(10, 10, 100)).toEqual([]);
  });
});
