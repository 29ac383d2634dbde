import { describe, expect, it } from 'vitest';
import {
  firstVisibleRow,
  maxScrollTop,
  rowsPerPage,
  scrollScale,
  scrollTopForRow,
  scrollTopToReveal,
  spacerHeight,
  visibleRange,
  type ListMetrics,
} from '../../../renderer/src/lib/virtual-range.ts';

const CAP = 15_000_000;
const metrics = (total: number, viewportHeight = 400): ListMetrics => ({
  total,
  rowHeight: 40,
  viewportHeight,
  maxSpacerPx: CAP,
});

describe('a list shorter than the cap', () => {
  const small = metrics(1000);

  it('scrolls one px per px, with a spacer as tall as the rows', () => {
    expect(spacerHeight(small)).toBe(40_000);
    expect(scrollScale(small)).toBe(1);
    expect(maxScrollTop(small)).toBe(39_600);
  });

  it('draws the rows in view plus the overscan, placed where they belong', () => {
    expect(visibleRange(small, 0, 5, 100)).toEqual({ first: 0, end: 15, offsetPx: 0 });
    expect(visibleRange(small, 4020, 5, 100)).toEqual({ first: 95, end: 116, offsetPx: 3800 });
    expect(visibleRange(small, 39_600, 5, 100)).toEqual({
      first: 985,
      end: 1000,
      offsetPx: 39_400,
    });
  });

  it('clamps offsets outside the scroll range', () => {
    expect(visibleRange(small, -50, 0, 100).first).toBe(0);
    expect(visibleRange(small, 1e9, 0, 100).end).toBe(1000);
  });

  it('never draws more than the limit, however tall the view', () => {
    const range = visibleRange(metrics(1000, 20_000), 0, 5, 100);
    expect(range.end - range.first).toBe(100);
  });

  it('draws nothing for an empty list', () => {
    expect(visibleRange(metrics(0), 0, 5, 100)).toEqual({ first: 0, end: 0, offsetPx: 0 });
  });
});

describe('a million rows, past the height browsers allow', () => {
  const huge = metrics(1_000_000);

  it('caps the spacer and maps the scroll range onto all the rows', () => {
    expect(spacerHeight(huge)).toBe(CAP);
    expect(scrollScale(huge)).toBeCloseTo((40_000_000 - 400) / (CAP - 400), 9);
  });

  it('shows the last row whole at the end of the scroll range', () => {
    const end = maxScrollTop(huge);
    const range = visibleRange(huge, end, 3, 100);
    expect(range.end).toBe(1_000_000);
    // The last row's bottom edge meets the spacer's bottom edge.
    const lastBottom = range.offsetPx + (range.end - range.first) * 40;
    expect(lastBottom).toBeCloseTo(CAP, 3);
    expect(firstVisibleRow(huge, end)).toBe(1_000_000 - 10);
  });

  it('draws the rows under the middle of the scroll range', () => {
    const range = visibleRange(huge, maxScrollTop(huge) / 2, 0, 100);
    expect(range.first).toBeGreaterThan(499_990);
    expect(range.first).toBeLessThan(500_000);
    // Drawn rows sit inside the visible part of the spacer.
    const middle = maxScrollTop(huge) / 2;
    expect(range.offsetPx).toBeLessThanOrEqual(middle);
    expect(range.offsetPx).toBeGreaterThan(middle - 40);
  });

  it('finds the offset that puts a row at the top', () => {
    const top = scrollTopForRow(huge, 600_000);
    expect(firstVisibleRow(huge, top)).toBe(600_000);
  });
});

describe('revealing a row', () => {
  it('leaves the offset alone for a row already in view', () => {
    expect(scrollTopToReveal(metrics(1000), 400, 12)).toBe(400);
  });

  it('scrolls just enough to show a row below or above the view', () => {
    expect(scrollTopToReveal(metrics(1000), 0, 10)).toBe(40);
    expect(scrollTopToReveal(metrics(1000), 4000, 20)).toBe(800);
  });

  it('shows rows whole in a scaled list too', () => {
    const huge = metrics(1_000_000);
    for (const index of [1, 123_456, 999_999]) {
      const top = scrollTopToReveal(huge, 0, index);
      const range = visibleRange(huge, top, 0, 100);
      const rowTop = range.offsetPx + (index - range.first) * 40;
      expect(rowTop, `row ${index}`).toBeGreaterThanOrEqual(top - 1e-6);
      expect(rowTop + 40, `row ${index}`).toBeLessThanOrEqual(top + 400 + 1e-6);
    }
  });

  it('moves a page by the whole rows that fit', () => {
    expect(rowsPerPage(metrics(1000, 410))).toBe(10);
    expect(rowsPerPage(metrics(1000, 10))).toBe(1);
  });
});
