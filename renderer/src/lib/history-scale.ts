/**
 * Value axes for the history chart. Axis ends and grid lines fall on 1, 2 or 5 times a power of
 * ten, the numbers people read at a glance, and an empty or all-zero series still gets an axis
 * instead of a division by zero.
 */

export interface LinearScale {
  /** The axis's top value; always above zero. */
  readonly max: number;
  /** Grid-line values from 0 to `max`, ascending. */
  readonly ticks: readonly number[];
}

export interface ScaleOptions {
  /** About how many steps the axis is cut into; the nice step may give one or two fewer. */
  readonly steps?: number;
  /** Whole-number steps only (counts of contacts cannot be 0.5). */
  readonly integer?: boolean;
}

/** Rounds a positive step up to 1, 2 or 5 times a power of ten. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Strips float noise such as 0.30000000000000004 from a tick value. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** An axis from 0 that holds `maxValue`, with a few evenly spaced nice ticks. */
export function niceScale(maxValue: number, options: ScaleOptions = {}): LinearScale {
  const steps = options.steps ?? 4;
  if (!Number.isFinite(maxValue) || maxValue <= 0) return { max: 1, ticks: [0, 1] };
  let step = niceStep(maxValue / steps);
  if (options.integer === true) step = Math.max(1, Math.ceil(step));
  const count = Math.ceil(tidy(maxValue / step));
  const ticks: number[] = [];
  for (let index = 0; index <= count; index += 1) ticks.push(tidy(index * step));
  return { max: tidy(count * step), ticks };
}

/** Where `value` sits between `from` (value 0) and `to` (value `scale.max`), clamped to that span. */
export function project(value: number, scale: LinearScale, from: number, to: number): number {
  const share = Math.min(1, Math.max(0, value / scale.max));
  return from + (to - from) * share;
}
