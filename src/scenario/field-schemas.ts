import { z } from 'zod';
import { distributionSchema, MAX_MAGNITUDE, type DistributionSpec } from './distribution-schema.js';
import { distributionSupport } from './distribution-support.js';
import { amountWithYearLevelSchema, countWithYearLevelSchema, type YearLevelSpec } from './year-level-schema.js';

/**
 * Distributions constrained to what a field can hold. A driver whose draws could leave its range
 * (a normal conversion rate going below 0) is rejected with the reason, never clamped silently.
 */

const nameOf = (spec: DistributionSpec | YearLevelSpec) => (typeof spec === 'number' ? 'the value' : spec.dist);

function within(lo: number, hi: number, what: string, fix: string) {
  return withinOf(distributionSchema, lo, hi, what, fix);
}

function withinOf<T extends DistributionSpec | YearLevelSpec>(base: z.ZodType<T>, lo: number, hi: number, what: string, fix: string) {
  return base.superRefine((spec, ctx) => {
    const s = distributionSupport(spec);
    if (s.min < lo || s.max > hi) {
      const range = hi === Infinity ? `>= ${lo}` : `within [${lo}, ${hi}]`;
      const where = s.min < lo ? `below ${lo}` : `above ${hi}`;
      ctx.addIssue({
        code: 'custom',
        message:
          typeof spec === 'number' || spec.dist === 'fixed'
            ? `${what} must be ${range}`
            : `${what} must stay ${range}, but ${nameOf(spec)} can draw ${where}; ${fix}`,
      });
    }
  });
}

/** A probability or rate, e.g. conversion or renewal: every draw in [0, 1]. */
export const rateDistribution = within(0, 1, 'a rate', 'use beta, or bound it (min/max for normal, lower/upper for quantiles)').describe(
  'A rate in [0, 1] (a number, or a distribution whose draws stay in [0, 1], such as beta).',
);

/** A share of a customer's ARR (contraction size): every draw in [0, 1]. */
export const shareDistribution = within(0, 1, 'a share', 'use beta, or bound it').describe(
  "A share of a customer's ARR in [0, 1].",
);

/** An amount or volume that cannot be negative (ACV, expansion size, leads). */
export const nonNegativeDistribution = within(0, Infinity, 'this amount', 'use lognormal, or bound it below at 0').describe(
  'A non-negative amount (a number, or a distribution whose draws are >= 0).',
);

/**
 * A volume such as leads per month: >= 0, and a Poisson or negative-binomial mean may be a
 * year-level distribution (see `year-level-schema.ts`).
 */
export const volumeWithYearLevel = withinOf(countWithYearLevelSchema, 0, Infinity, 'this amount', 'use lognormal, or bound it below at 0').describe(
  "A non-negative count; a Poisson or negative binomial mean may be a distribution of this year's mean (drawn once per trial).",
);

/** An amount such as ACV: >= 0, and a lognormal median may be a year-level distribution. */
export const amountWithYearLevel = withinOf(amountWithYearLevelSchema, 0, Infinity, 'this amount', 'use lognormal, or bound it below at 0').describe(
  "A non-negative amount; a lognormal median may be a distribution of this year's median (drawn once per trial).",
);

/** A whole number of months in 0..24, such as a sales-cycle lag: a number, fixed, discrete or empirical. */
export const monthLagDistribution = distributionSchema
  .superRefine((spec, ctx) => {
    const s = distributionSupport(spec);
    const listed = typeof spec === 'number' || spec.dist === 'fixed' || spec.dist === 'discrete' || spec.dist === 'empirical';
    if (!listed || !s.integer || s.min < 0 || s.max > 24)
      ctx.addIssue({
        code: 'custom',
        message: 'a lag in months must be a whole number from 0 to 24: use a number, or discrete/empirical with whole values',
      });
  })
  .describe('Whole months from 0 to 24: a number, or a discrete distribution over months.');

/** Twelve non-negative numbers, one per fiscal month. */
export const monthlyProfile = z
  .array(z.number().finite().nonnegative({ error: 'must be >= 0' }))
  .length(12, { error: 'needs exactly 12 values, one per fiscal month' })
  // At most 1e15 each, like every amount: twelve values near 1.8e308 add up to infinity, and a
  // seasonality rescaled by an infinite mean silently became all zeros (no leads at all).
  .superRefine((values, ctx) => {
    values.forEach((v, i) => {
      if (v > MAX_MAGNITUDE) ctx.addIssue({ code: 'custom', message: 'must be at most 1e15', path: [i] });
    });
  });
