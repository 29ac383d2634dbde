/**
 * The geometry of the history chart, apart from Svelte so it can be tested as plain numbers: bars
 * for the contacts each run changed, dots and a line for how long it took on a second axis, time
 * running from the reading-start side. In a right-to-left language every x is mirrored, so the
 * oldest run sits on the right, where a Persian reader starts.
 */
import { markOf, type ChartMark, type ChartRun } from './history-chart-data.ts';
import { niceScale, project, type LinearScale } from './history-scale.ts';

export const CHART_HEIGHT = 200;
/** The width drawn before (or without) a measurement of the container, as in tests. */
export const DEFAULT_CHART_WIDTH = 640;
/** Below this the labels of both axes and both ends would collide. */
export const MIN_CHART_WIDTH = 320;

/** Room around the plot: the two value axes' labels at the sides, titles above, dates below. */
const MARGIN = { start: 48, end: 48, top: 26, bottom: 24 } as const;
const MAX_BAR_WIDTH = 28;
/** A run that changed one contact out of thousands still shows as a visible sliver. */
const MIN_BAR_HEIGHT = 2;

export type DurationUnit = 'seconds' | 'minutes';

export interface ChartBar {
  readonly run: ChartRun;
  readonly mark: ChartMark;
  /** The band behind a marked run: its column, but not much wider than its bar. */
  readonly bandX: number;
  readonly bandWidth: number;
  readonly x: number;
  readonly width: number;
  readonly y: number;
  /** 0 for a run that changed nothing. */
  readonly height: number;
  readonly centre: number;
}

export interface ChartTick {
  readonly value: number;
  readonly y: number;
}

export interface ChartDot {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface TimeLabel {
  readonly atMs: number;
  readonly x: number;
  /** Logical, like CSS: with `direction: rtl` inherited, `start` is the right end of the text. */
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  /** The plot area; `start` and `end` are the x of its reading-start and reading-end edges. */
  readonly plot: {
    readonly start: number;
    readonly end: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly bars: readonly ChartBar[];
  readonly changes: {
    readonly scale: LinearScale;
    readonly ticks: readonly ChartTick[];
    /** Where its labels and title sit: beside the plot on the reading-start side. */
    readonly labelX: number;
  };
  /** Null when no run in the chart has a duration. */
  readonly duration: {
    readonly unit: DurationUnit;
    readonly scale: LinearScale;
    readonly ticks: readonly ChartTick[];
    readonly labelX: number;
    readonly dots: readonly ChartDot[];
    /** An SVG path through the dots, broken where a run has no duration. */
    readonly path: string;
  } | null;
  readonly timeLabels: readonly TimeLabel[];
}

/** Minutes once the longest run passes two minutes, so the axis does not read 0, 50, 100, 150 s. */
export function durationUnitFor(maxMs: number): DurationUnit {
  return maxMs >= 120_000 ? 'minutes' : 'seconds';
}

export function inUnit(ms: number, unit: DurationUnit): number {
  return unit === 'minutes' ? ms / 60_000 : ms / 1000;
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function layoutChart(
  runs: readonly ChartRun[],
  options: { readonly width: number; readonly rtl: boolean },
): ChartLayout {
  const width = Math.max(MIN_CHART_WIDTH, Math.round(options.width));
  const height = CHART_HEIGHT;
  // Everything is laid out left to right, then passed through `flip` (and `flipBox` for boxes).
  const flip = (x: number): number => round(options.rtl ? width - x : x);
  const flipBox = (x: number, w: number): number => round(options.rtl ? width - x - w : x);

  const start = MARGIN.start;
  const end = width - MARGIN.end;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const slotWidth = (end - start) / Math.max(1, runs.length);
  const barWidth = Math.min(MAX_BAR_WIDTH, Math.max(2, slotWidth * 0.64));
  const bandWidth = Math.min(slotWidth, barWidth * 1.6);

  const changeScale = niceScale(Math.max(0, ...runs.map((run) => run.changes)), { integer: true });
  const bars = runs.map((run, index): ChartBar => {
    const slotX = start + index * slotWidth;
    const x = slotX + (slotWidth - barWidth) / 2;
    const bandX = slotX + (slotWidth - bandWidth) / 2;
    let y = project(run.changes, changeScale, bottom, top);
    if (run.changes > 0 && bottom - y < MIN_BAR_HEIGHT) y = bottom - MIN_BAR_HEIGHT;
    return {
      run,
      mark: markOf(run.outcome),
      bandX: flipBox(bandX, bandWidth),
      bandWidth: round(bandWidth),
      x: flipBox(x, barWidth),
      width: round(barWidth),
      y: round(y),
      height: round(bottom - y),
      centre: flip(slotX + slotWidth / 2),
    };
  });

  const timed = runs.filter((run) => run.durationMs !== null);
  let duration: ChartLayout['duration'] = null;
  if (timed.length > 0) {
    const maxMs = Math.max(...timed.map((run) => run.durationMs ?? 0));
    const unit = durationUnitFor(maxMs);
    const scale = niceScale(inUnit(maxMs, unit));
    const dots: ChartDot[] = [];
    let path = '';
    let drawing = false;
    runs.forEach((run, index) => {
      const bar = bars[index];
      if (run.durationMs === null || bar === undefined) {
        drawing = false;
        return;
      }
      const y = round(project(inUnit(run.durationMs, unit), scale, bottom, top));
      dots.push({ id: run.id, x: bar.centre, y });
      path += `${path === '' ? '' : ' '}${drawing ? 'L' : 'M'}${bar.centre} ${y}`;
      drawing = true;
    });
    duration = {
      unit,
      scale,
      ticks: scale.ticks.map((value) => ({ value, y: round(project(value, scale, bottom, top)) })),
      labelX: flip(end + 6),
      dots,
      path,
    };
  }

  return {
    width,
    height,
    plot: { start: flip(start), end: flip(end), top, bottom },
    bars,
    changes: {
      scale: changeScale,
      ticks: changeScale.ticks.map((value) => ({
        value,
        y: round(project(value, changeScale, bottom, top)),
      })),
      labelX: flip(start - 6),
    },
    duration,
    timeLabels: timeLabels(runs, bars, flip(start), flip(end)),
  };
}

/** The oldest run's date at the reading start, the newest's at the end; one run: under its bar. */
function timeLabels(
  runs: readonly ChartRun[],
  bars: readonly ChartBar[],
  startX: number,
  endX: number,
): TimeLabel[] {
  const first = runs[0];
  const last = runs.at(-1);
  if (first === undefined || last === undefined) return [];
  if (runs.length === 1)
    return [{ atMs: first.startedAtMs, x: bars[0]?.centre ?? startX, anchor: 'middle' }];
  return [
    { atMs: first.startedAtMs, x: startX, anchor: 'start' },
    { atMs: last.startedAtMs, x: endX, anchor: 'end' },
  ];
}

/** The mark under a bar's foot: a × for a failed or cancelled run, a diamond for a baseline. */
export function markPath(bar: ChartBar, bottom: number): string | null {
  const c = bar.centre;
  const y = bottom - 7;
  switch (bar.mark) {
    case 'failed':
    case 'cancelled':
      return `M${c - 3.5} ${y - 3.5} L${c + 3.5} ${y + 3.5} M${c + 3.5} ${y - 3.5} L${c - 3.5} ${y + 3.5}`;
    case 'baseline':
      return `M${c} ${y - 4} L${c + 4} ${y} L${c} ${y + 4} L${c - 4} ${y} Z`;
    default:
      return null;
  }
}
