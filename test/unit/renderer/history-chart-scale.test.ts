import { describe, expect, it } from 'vitest';
import {
  CHART_RUNS,
  summarise,
  toChartRuns,
  type ChartRun,
} from '../../../renderer/src/lib/history-chart-data.ts';
import {
  DEFAULT_CHART_WIDTH,
  durationUnitFor,
  layoutChart,
  markPath,
} from '../../../renderer/src/lib/history-chart.ts';
import { niceScale, niceStep, project } from '../../../renderer/src/lib/history-scale.ts';
import { NOW, run } from './fake-api.ts';

function point(id: string, changes: number, durationMs: number | null = 1000): ChartRun {
  return { id, startedAtMs: NOW, outcome: 'success', changes, durationMs };
}

const noNaN = (value: unknown): void => expect(JSON.stringify(value)).not.toMatch(/NaN|null,"y"/);

describe('niceScale', () => {
  it('ends the axis on 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(260)).toBe(500);
    expect(niceScale(1234, { integer: true })).toEqual({
      max: 1500,
      ticks: [0, 500, 1000, 1500],
    });
    expect(niceScale(3.2).ticks).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps counts whole and decimals clean', () => {
    expect(niceScale(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceScale(1, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceScale(0.9).ticks).toEqual([0, 0.5, 1]);
    // 0.2 × 3 is 0.6000000000000001 in floating point; the axis must read 0.6.
    expect(niceScale(0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('gives an empty or all-zero series an axis instead of dividing by zero', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
    expect(project(0, niceScale(0), 100, 0)).toBe(100);
  });

  it('projects values into the span and clamps what lies outside', () => {
    const scale = niceScale(10, { integer: true });
    expect(project(5, scale, 100, 0)).toBe(50);
    expect(project(20, scale, 100, 0)).toBe(0);
  });
});

describe('layoutChart', () => {
  it('puts the oldest run at the start of the reading direction', () => {
    const points = [point('old', 1), point('mid', 5), point('new', 10)];
    const ltr = layoutChart(points, { width: 600, rtl: false });
    const xs = ltr.bars.map((bar) => bar.x);
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(xs[1]).toBeLessThan(xs[2] ?? 0);
    expect(ltr.bars[2]?.height).toBeGreaterThan(ltr.bars[0]?.height ?? Infinity);

    const rtl = layoutChart(points, { width: 600, rtl: true });
    rtl.bars.forEach((bar, index) => {
      const mirror = ltr.bars[index];
      expect(bar.x).toBeCloseTo(600 - (mirror?.x ?? 0) - (mirror?.width ?? 0));
      expect(bar.y).toBe(mirror?.y);
    });
    expect(rtl.plot.start).toBeGreaterThan(rtl.plot.end);
    expect(rtl.changes.labelX).toBeGreaterThan(rtl.plot.start);
    expect(rtl.duration?.labelX).toBeLessThan(rtl.plot.end);
    expect(rtl.timeLabels[0]?.x).toBe(rtl.plot.start);
  });

  it('draws nothing and divides by nothing for no runs', () => {
    const layout = layoutChart([], { width: DEFAULT_CHART_WIDTH, rtl: false });
    expect(layout.bars).toEqual([]);
    expect(layout.duration).toBeNull();
    expect(layout.timeLabels).toEqual([]);
    noNaN(layout);
  });

  it('centres a single run under one label', () => {
    const layout = layoutChart([point('only', 4, 2000)], { width: 600, rtl: false });
    expect(layout.bars).toHaveLength(1);
    expect(layout.timeLabels).toEqual([{ atMs: NOW, x: 300, anchor: 'middle' }]);
    expect(layout.duration?.dots).toEqual([{ id: 'only', x: 300, y: layout.plot.top }]);
    expect(layout.duration?.path).toBe(`M300 ${layout.plot.top}`);
    noNaN(layout);
  });

  it('lays all-zero changes on the axis and keeps tiny ones visible', () => {
    const zero = layoutChart([point('a', 0), point('b', 0)], { width: 600, rtl: false });
    expect(zero.bars.map((bar) => bar.height)).toEqual([0, 0]);
    noNaN(zero);
    const tiny = layoutChart([point('a', 1), point('b', 100_000)], { width: 600, rtl: false });
    expect(tiny.bars[0]?.height).toBeGreaterThanOrEqual(2);
  });

  it('breaks the duration line where a run has no duration', () => {
    const layout = layoutChart([point('a', 1), point('b', 1, null), point('c', 1), point('d', 1)], {
      width: 600,
      rtl: false,
    });
    expect(layout.duration?.dots).toHaveLength(3);
    expect(layout.duration?.path.match(/M/g)).toHaveLength(2);
  });

  it('switches the duration axis to minutes for long runs', () => {
    expect(durationUnitFor(90_000)).toBe('seconds');
    expect(durationUnitFor(150_000)).toBe('minutes');
    const layout = layoutChart([point('a', 1, 150_000)], { width: 600, rtl: false });
    expect(layout.duration?.unit).toBe('minutes');
    expect(layout.duration?.scale.max).toBe(3);
  });

  it('marks failed runs with a cross and a baseline with a diamond, under their own bar', () => {
    const points: ChartRun[] = [
      { ...point('ok', 2), outcome: 'success' },
      { ...point('bad', 0), outcome: 'failed' },
      { ...point('first', 0), outcome: 'baseline' },
    ];
    const layout = layoutChart(points, { width: 600, rtl: true });
    const [ok, bad, first] = layout.bars;
    expect(ok && markPath(ok, layout.plot.bottom)).toBeNull();
    const cross = (bad && markPath(bad, layout.plot.bottom)) ?? '';
    expect(cross.match(/M/g)).toHaveLength(2);
    expect(cross).toContain(`M${(bad?.centre ?? 0) - 3.5} `);
    expect((first && markPath(first, layout.plot.bottom)) ?? '').toMatch(/Z$/);
  });

  it('does not shrink below a readable width', () => {
    expect(layoutChart([point('a', 1)], { width: 100, rtl: false }).width).toBe(320);
  });
});

describe('toChartRuns and summarise', () => {
  it('keeps the newest 50 runs, oldest first, and counts a baseline as no change', () => {
    const newestFirst = Array.from({ length: 60 }, (_, age) =>
      run({ id: `r${60 - age}`, startedAtMs: NOW - age * 1000 }),
    );
    const points = toChartRuns(newestFirst);
    expect(points).toHaveLength(CHART_RUNS);
    expect(points[0]?.id).toBe('r11');
    expect(points.at(-1)?.id).toBe('r60');

    const baseline = run({ outcome: 'baseline' });
    expect(toChartRuns([baseline])[0]?.changes).toBe(0);
  });

  it('sums changes, finds the longest run and counts failures', () => {
    const points = toChartRuns([
      run({ id: 'a', durationMs: 3200 }),
      run({ id: 'b', outcome: 'failed', counts: null, durationMs: 900 }),
      run({ id: 'c', outcome: 'interrupted', counts: null, durationMs: null }),
    ]);
    expect(summarise(points)).toEqual({ runs: 3, changes: 3, longestMs: 3200, failed: 2 });
    expect(summarise([])).toEqual({ runs: 0, changes: 0, longestMs: null, failed: 0 });
  });
});
