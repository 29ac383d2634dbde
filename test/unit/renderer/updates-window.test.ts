import { describe, expect, it } from 'vitest';
import { parseIdSearch } from '../../../renderer/src/lib/id-search.ts';
import { nextRowIndex } from '../../../renderer/src/lib/list-keys.ts';
import {
  DEFAULT_SELECTION,
  isFiltered,
  toFilter,
  toggleKind,
  withoutFilters,
} from '../../../renderer/src/lib/updates-selection.ts';
import { newestCommitStartMs, windowStartMs } from '../../../renderer/src/lib/updates-window.ts';
import { NOW, run } from './fake-api.ts';

const HOUR_MS = 3_600_000;

describe('time windows', () => {
  it('start 24 hours or 7 days before now', () => {
    expect(windowStartMs('day', NOW, null)).toBe(NOW - 24 * HOUR_MS);
    expect(windowStartMs('week', NOW, null)).toBe(NOW - 7 * 24 * HOUR_MS);
    expect(windowStartMs('all', NOW, NOW - HOUR_MS)).toBeUndefined();
  });

  it('"since the last sync" starts at the newest commit, or is "all" without one', () => {
    expect(windowStartMs('since-last-sync', NOW, NOW - HOUR_MS)).toBe(NOW - HOUR_MS);
    expect(windowStartMs('since-last-sync', NOW, null)).toBeUndefined();
  });

  it('finds the newest committed run, skipping runs that wrote nothing', () => {
    const runs = [
      run({ startedAtMs: NOW - HOUR_MS, committed: false, outcome: 'failed' }),
      run({ startedAtMs: NOW - 3 * HOUR_MS, committed: true }),
      run({ startedAtMs: NOW - 2 * HOUR_MS, committed: true, outcome: 'baseline' }),
    ];
    expect(newestCommitStartMs(runs)).toBe(NOW - 2 * HOUR_MS);
    expect(newestCommitStartMs([run({ committed: false })])).toBeNull();
    expect(newestCommitStartMs([])).toBeNull();
  });
});

describe('the selection as a filter', () => {
  it('leaves out what is not chosen', () => {
    expect(toFilter(DEFAULT_SELECTION, NOW, null)).toEqual({ order: 'detected-time' });
    expect(isFiltered(DEFAULT_SELECTION)).toBe(false);
  });

  it('carries kinds, window and ID prefix', () => {
    const selection = {
      kinds: toggleKind(toggleKind([], 'missing'), 'added'),
      window: 'day',
      idPrefix: '912',
      order: 'server-time',
    } as const;
    expect(toFilter(selection, NOW, null)).toEqual({
      order: 'server-time',
      kinds: ['added', 'missing'],
      detectedSinceMs: NOW - 24 * HOUR_MS,
      idPrefix: '912',
    });
    expect(isFiltered(selection)).toBe(true);
    expect(withoutFilters(selection)).toEqual({ ...DEFAULT_SELECTION, order: 'server-time' });
    expect(toggleKind(['added', 'missing'], 'added')).toEqual(['missing']);
  });
});

describe('ID search text', () => {
  it('accepts ASCII, Persian and Arabic-Indic digits, as ASCII', () => {
    expect(parseIdSearch('۰۹۱۲')).toEqual({ ok: true, prefix: '0912' });
    expect(parseIdSearch('٣٤5')).toEqual({ ok: true, prefix: '345' });
    expect(parseIdSearch('  42 ')).toEqual({ ok: true, prefix: '42' });
    expect(parseIdSearch('')).toEqual({ ok: true, prefix: '' });
  });

  it('refuses anything else, and more digits than a 64-bit ID has', () => {
    expect(parseIdSearch('12-34')).toEqual({ ok: false, problem: 'not-digits' });
    expect(parseIdSearch('1 2')).toEqual({ ok: false, problem: 'not-digits' });
    expect(parseIdSearch('١٢x')).toEqual({ ok: false, problem: 'not-digits' });
    expect(parseIdSearch('9'.repeat(19))).toEqual({ ok: true, prefix: '9'.repeat(19) });
    expect(parseIdSearch('9'.repeat(20))).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('list keys', () => {
  it('move by a row, a page or to either end, staying inside the list', () => {
    expect(nextRowIndex('ArrowDown', 0, 100, 10)).toBe(1);
    expect(nextRowIndex('ArrowDown', 99, 100, 10)).toBe(99);
    expect(nextRowIndex('ArrowUp', 0, 100, 10)).toBe(0);
    expect(nextRowIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextRowIndex('PageUp', 15, 100, 10)).toBe(5);
    expect(nextRowIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextRowIndex('End', 0, 100, 10)).toBe(99);
    expect(nextRowIndex('ArrowDown', 500, 100, 10)).toBe(99);
  });

  it('ignore other keys and empty lists', () => {
    expect(nextRowIndex('a', 0, 100, 10)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});
