import { toFixedDecimal } from '../math/decimal-round.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import type { Tier } from '../scenario/scenario-schema.js';
import { seasonalityMean } from '../scenario/field-schemas.js';
import { indefiniteArticle } from '../scenario/indefinite-article.js';

/**
 * Controls for what a tier states by its shape rather than by one central number, each moved in
 * whole steps the planner names:
 * - `hireDelay`: every planned rep hire starts N months later ("we hire the four reps a quarter
 *   late"); hires pushed past month 12 start next year, so not in this one;
 * - `lagShift`: the whole sales-cycle distribution moves by N whole months (a discrete or empirical
 *   lag keeps its shape and weights; a fixed lag moves), staying within 0 to 24 months;
 * - `seasonality`: the peaks and troughs of the tier's seasonality scaled by a factor about their
 *   mean (× 0 is flat, × 2 twice as seasonal), never below 0; the year's volume is unchanged, as the
 *   model rescales a seasonality to average 1 anyway;
 * - `rampLength`: the new reps' ramp takes N months more (or fewer) to reach full productivity, its
 *   curve stretched (or squeezed) to the new length.
 */
export type ShapeKind = 'hireDelay' | 'lagShift' | 'seasonality' | 'rampLength';

/** One shape control of a tier: where its field is, the positions offered (the plan among them), and how each reads. */
export interface ShapeControl {
  readonly kind: ShapeKind;
  /** The key after the tier index in the control's id: `<tier>/<key>`. */
  readonly key: string;
  readonly label: string;
  readonly unit: 'months' | 'factor';
  readonly path: readonly string[];
  /** The position that is the file as written: 0 months, or × 1. */
  readonly plan: number;
  readonly values: readonly number[];
  readonly labels: readonly string[];
}

/** Months every hire can be delayed as a whole: up to two quarters. */
export const HIRE_DELAYS = [0, 1, 2, 3, 4, 5, 6] as const;
/** Most whole months a sales cycle moves either way (and never below 0 or past 24). */
export const MAX_LAG_SHIFT = 6;
/** Scales of the seasonality's swing about its mean offered (those that keep every weight >= 0). */
export const SEASONALITY_SCALES = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** Longest lag the schema takes (months); the longest ramp too. */
const MAX_LAG = 24;
/** Months a ramp can be lengthened, and shortened (never below one month). */
const RAMP_LONGER = 6;
const RAMP_SHORTER = 3;

const monthsText = (n: number) => `${n} month${Math.abs(n) === 1 ? '' : 's'}`;

/** The months a lag can take, as listed: a plain number, fixed, discrete or empirical; undefined for anything else. */
function lagValues(spec: DistributionSpec | undefined): readonly number[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'number') return [spec];
  if (spec.dist === 'fixed') return [spec.value];
  if (spec.dist === 'discrete' || spec.dist === 'empirical') return spec.values;
  return undefined;
}

/** A lag's mean in months (weights as written, empirical values equally likely). */
function lagMean(spec: DistributionSpec): number {
  if (typeof spec === 'object' && spec.dist === 'discrete') {
    const total = spec.weights.reduce((a, b) => a + b, 0);
    return spec.values.reduce((a, v, i) => a + v * spec.weights[i]!, 0) / total;
  }
  const values = lagValues(spec)!;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * A lag moved by `months` whole months, in its own form.
 *
 * @example shiftLag({ dist: 'discrete', values: [0, 1], weights: [0.6, 0.4] }, 2) // => { dist: 'discrete', values: [2, 3], weights: [0.6, 0.4] }
 */
export function shiftLag(spec: DistributionSpec, months: number): DistributionSpec {
  if (typeof spec === 'number') return spec + months;
  if (spec.dist === 'fixed') return { ...spec, value: spec.value + months };
  if (spec.dist === 'discrete' || spec.dist === 'empirical') return { ...spec, values: spec.values.map((v) => v + months) };
  throw new Error(`${indefiniteArticle(spec.dist)} ${spec.dist} lag has no whole-month shift`);
}

/**
 * Planned hires started `months` later: hire i of month m starts in month m + months, and those
 * pushed past month 12 fall out of the year.
 *
 * @example delayHires([2, 0, 2, 0, 0, 2, 0, 0, 2, 0, 0, 0], 3) // => [0, 0, 0, 2, 0, 2, 0, 0, 2, 0, 0, 2]
 */
export function delayHires(hires: readonly number[], months: number): number[] {
  return hires.map((_, i) => (i - months >= 0 ? hires[i - months]! : 0));
}

/**
 * A seasonality whose swing about its mean is scaled by `scale`: m + scale × (w - m), rounded to 9
 * decimals so the saved file reads 0.975 rather than 0.9749999999999999 (the studio simulates the
 * rounded weights too, so its numbers are still the saved file's), and never below 0.
 *
 * @example scaleSeasonality([0.5, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2) // => [0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
 */
export function scaleSeasonality(weights: readonly number[], scale: number): number[] {
  const m = seasonalityMean(weights);
  return weights.map((w) => Math.max(0, Math.round((m + scale * (w - m)) * 1e9) / 1e9));
}

/**
 * A ramp stretched from its n months to `months` months: month j of tenure (from 0) takes the old
 * curve at j × n / months, read linearly between its months and full productivity (1) at month n;
 * rounded to 9 decimals. The same length gives the same ramp.
 *
 * @example stretchRamp([0, 0.5], 4) // => [0, 0.25, 0.5, 0.75]
 */
export function stretchRamp(ramp: readonly number[], months: number): number[] {
  const n = ramp.length;
  return Array.from({ length: months }, (_, j) => {
    const x = (j * n) / months;
    const i = Math.floor(x);
    const f = x - i;
    const v = f === 0 ? ramp[i]! : ramp[i]! * (1 - f) + (i + 1 < n ? ramp[i + 1]! : 1) * f;
    return Math.round(v * 1e9) / 1e9;
  });
}

/** The shape controls a tier's file offers: rep hires and their ramp when it plans hires, its sales cycle when listed in months, its seasonality when it has one that swings. */
export function shapeControls(tier: Tier): ShapeControl[] {
  const out: ShapeControl[] = [];
  const nb = tier.newBusiness;
  if (!nb) return out;
  const hires = nb.reps?.hires;
  const hired = hires?.reduce((a, b) => a + b, 0) ?? 0;
  if (hires && hired > 0)
    out.push({
      kind: 'hireDelay',
      key: 'hireDelay',
      label: `${tier.name} rep hires (${hired}): start later by`,
      unit: 'months',
      path: ['newBusiness', 'reps', 'hires'],
      plan: 0,
      values: HIRE_DELAYS,
      labels: HIRE_DELAYS.map((d) => (d === 0 ? 'as planned' : `${monthsText(d)} late${d === 3 ? ' (a quarter)' : d === 6 ? ' (two quarters)' : ''}`)),
    });
  const ramp = nb.reps?.ramp ?? [];
  if (hired > 0 && ramp.some((r) => r < 1)) {
    const n = ramp.length;
    const steps: number[] = [];
    for (let k = 0 - Math.min(RAMP_SHORTER, n - 1); k <= Math.min(RAMP_LONGER, MAX_LAG - n); k++) steps.push(k);
    out.push({
      kind: 'rampLength',
      key: 'rampLength',
      label: `${tier.name} new reps' ramp: longer by`,
      unit: 'months',
      path: ['newBusiness', 'reps', 'ramp'],
      plan: 0,
      values: steps,
      labels: steps.map((k) => `${k === 0 ? 'as planned' : `${k > 0 ? '+' : '−'}${monthsText(Math.abs(k))}`} (fully productive from month ${n + k + 1} of tenure)`),
    });
  }
  // A sales cycle and a seasonality act on leads only: a tier whose deals all come from its reps has neither to move.
  const leads = nb.leadsPerMonth !== undefined || (nb.leadSources?.length ?? 0) > 0;
  const lag = nb.salesCycleMonths as DistributionSpec | undefined;
  const months = lagValues(lag);
  if (leads && lag !== undefined && months && months.length > 0) {
    const lo = Math.min(...months);
    const hi = Math.max(...months);
    const shifts: number[] = [];
    for (let k = 0 - Math.min(MAX_LAG_SHIFT, lo); k <= Math.min(MAX_LAG_SHIFT, MAX_LAG - hi); k++) shifts.push(k);
    const mean = lagMean(lag);
    if (shifts.length > 1)
      out.push({
        kind: 'lagShift',
        key: 'salesCycleShift',
        label: `${tier.name} sales cycle: shift by`,
        unit: 'months',
        path: ['newBusiness', 'salesCycleMonths'],
        plan: 0,
        values: shifts,
        labels: shifts.map((k) => `${k === 0 ? 'as planned' : `${k > 0 ? '+' : '−'}${monthsText(Math.abs(k))}`} (${lo + k === hi + k ? `${lo + k}` : `${lo + k} to ${hi + k}`} months, mean ${toFixedDecimal(mean + k, 1)})`),
      });
  }
  const season = nb.seasonality;
  if (leads && season) {
    const m = seasonalityMean(season);
    const low = Math.min(...season);
    const high = Math.max(...season);
    // Scales that keep the lowest month at 0 or above.
    const scales = SEASONALITY_SCALES.filter((s) => m + s * (low - m) >= 0);
    if (high > low && scales.length > 1)
      out.push({
        kind: 'seasonality',
        key: 'seasonalityScale',
        label: `${tier.name} seasonality: peaks and troughs`,
        unit: 'factor',
        path: ['newBusiness', 'seasonality'],
        plan: 1,
        values: scales,
        labels: scales.map((s) => `${s === 1 ? 'as planned' : s === 0 ? 'flat' : `× ${s}`} (busiest month ${toFixedDecimal((m + s * (high - m)) / m, 2)}, quietest ${toFixedDecimal((m + s * (low - m)) / m, 2)} of an average one)`),
      });
  }
  return out;
}

/** The field a shape control writes at `position` (one of its values), from the tier's field as the file has it. */
export function reshape(kind: ShapeKind, field: unknown, position: number): unknown {
  if (kind === 'hireDelay') return delayHires(field as number[], position);
  if (kind === 'lagShift') return shiftLag(field as DistributionSpec, position);
  if (kind === 'rampLength') return stretchRamp(field as number[], (field as number[]).length + position);
  return scaleSeasonality(field as number[], position);
}
