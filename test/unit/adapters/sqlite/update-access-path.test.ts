import { describe, expect, it } from 'vitest';
import {
  chooseAccessPath,
  type AccessCounts,
} from '../../../../main/adapters/sqlite/update-access-path.ts';

const MILLION = 1_000_000;
const base: AccessCounts = {
  order: 'detected-time',
  wanted: 100,
  matching: MILLION,
  logRows: MILLION,
  kindRows: null,
  kindCount: 0,
  prefixRows: null,
  windowRows: null,
};

describe('chooseAccessPath', () => {
  it('walks the order index when nothing narrows the log', () => {
    expect(chooseAccessPath(base)).toBe('order');
    expect(chooseAccessPath({ ...base, order: 'server-time' })).toBe('order');
  });

  it('walks the order index for a common kind and reads a rare one through the kind index', () => {
    const common = { ...base, kindCount: 2, kindRows: 600_000, matching: 600_000 };
    expect(chooseAccessPath({ ...common, order: 'server-time' })).toBe('order');
    const rare = { ...base, kindCount: 2, kindRows: 2_000, matching: 2_000 };
    expect(chooseAccessPath({ ...rare, order: 'server-time' })).toBe('kind');
    expect(chooseAccessPath(rare)).toBe('kind');
  });

  it('reads one kind by detected time through its own index, which is already in that order', () => {
    const oneKind = { ...base, kindCount: 1, kindRows: 200_000, matching: 200_000 };
    expect(chooseAccessPath(oneKind)).toBe('kind');
  });

  it('reads a narrow ID prefix through the prefix index and walks for a broad one', () => {
    const narrow = { ...base, prefixRows: 1_150, matching: 1_150 };
    expect(chooseAccessPath(narrow)).toBe('contact');
    expect(chooseAccessPath({ ...narrow, order: 'server-time' })).toBe('contact');
    const broad = { ...base, prefixRows: 111_000, matching: 111_000 };
    expect(chooseAccessPath(broad)).toBe('order');
    // Sorting 11,000 rows by server time means fetching each from all over the table: walk.
    const middling = { ...base, prefixRows: 11_000, matching: 11_000 };
    expect(chooseAccessPath({ ...middling, order: 'server-time' })).toBe('order');
    expect(chooseAccessPath(middling)).toBe('contact');
  });

  it('walks a detected-time window newest first and sorts a small one by server time', () => {
    const recent = { ...base, windowRows: 3_000, matching: 3_000 };
    expect(chooseAccessPath(recent)).toBe('order');
    expect(chooseAccessPath({ ...recent, order: 'server-time' })).toBe('window');
  });

  it('weighs a deep page: the walk must pass every row before the offset', () => {
    const rare = { ...base, kindCount: 2, kindRows: 50_000, matching: 50_000 };
    expect(chooseAccessPath({ ...rare, order: 'server-time', wanted: 100 })).toBe('order');
    expect(chooseAccessPath({ ...rare, order: 'server-time', wanted: 40_000 })).toBe('kind');
  });
});
