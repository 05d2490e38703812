import { z } from 'zod';
import { distributionSchemaOf, MAX_MAGNITUDE, type DistributionSpec } from './distribution-schema.js';
import { centralValue } from './central-value.js';
import { distributionSupport } from './distribution-support.js';
import { humanNumber } from './human-number-schema.js';
import type { NumberKind } from './human-number.js';
import { PLAUSIBLE_RENEWAL, renewalAtMost } from './plausible-renewal.js';
import { monthlyPercentHint, monthlyPercentValuesHint, monthOfYearWords, percentHint, percentValuesHint, UNIT_INTERVAL, withoutPercentHint } from './percent-hint.js';
import { quantilePoints } from './quantile-points.js';
import { withValueGiven } from './value-given.js';
import { amountWithYearLevelSchema, countMedianWithYearLevelSchema, countWithYearLevelSchema, shareWithYearLevelSchema, type YearLevelSpec } from './year-level-schema.js';

/**
 * Distributions constrained to what a field can hold. A driver whose draws could leave its range
 * (a normal conversion rate going below 0) is rejected with the reason, never clamped silently.
 */

const nameOf = (spec: DistributionSpec | YearLevelSpec) => (typeof spec === 'number' ? 'the value' : spec.dist);

/** A distribution of values of `kind` (`%` only for `any`: human-number.ts) whose draws stay in [lo, hi]. */
function within(lo: number, hi: number, what: string, fix: string, kind: NumberKind = 'any', hint: PercentHints = PERCENT_HINTS) {
  return withinOf(distributionSchemaOf(kind), lo, hi, what, fix, hint);
}

/**
 * What a field within [0, 1] written in percents most likely meant: `fixed`, of a fixed value between
 * 1 and 100 (percentHint); `values`, of a distribution whose central value is (percentValuesHint).
 */
interface PercentHints {
  readonly fixed: (value: unknown) => string;
  readonly values: (central: unknown) => string;
  /**
   * Said by the field in place of what a distribution's own checks say, which know only [0, 1]: of
   * a beta's mean (strictly inside (0, 1)), by `mean`; of a bounded metalog's stated values, by
   * `values` (renewal: `mean: 1.2` is not "0.012 (or 1.2%)", PLAUSIBLE_RENEWAL).
   */
  readonly inner?: { readonly mean: (value: unknown) => string };
}
const PERCENT_HINTS: PercentHints = { fixed: (v) => percentHint(v, UNIT_INTERVAL), values: (c) => percentValuesHint(c, UNIT_INTERVAL) };

function withinOf<T extends DistributionSpec | YearLevelSpec>(base: z.ZodType<T>, lo: number, hi: number, what: string, fix: string, hints: PercentHints = PERCENT_HINTS) {
  const checked = hints.inner ? base.superRefine((spec, ctx) => withFieldHints(spec, ctx.issues, hints), { when: (payload) => payload.issues.length > 0 }) : base;
  return checked.superRefine((spec, ctx) => {
    const s = distributionSupport(spec);
    if (s.min < lo || s.max > hi) {
      const range = hi === Infinity ? `>= ${lo}` : `within [${lo}, ${hi}]`;
      const where = s.min < lo ? `below ${lo}` : `above ${hi}`;
      const value = typeof spec === 'number' ? spec : spec.dist === 'fixed' ? spec.value : undefined;
      ctx.addIssue({
        code: 'custom',
        message:
          value !== undefined
            ? withValueGiven(`${what} must be ${range}${hi === 1 ? hints.fixed(value) : ''}`, value)
            : `${what} must stay ${range}, but ${nameOf(spec)} can draw ${where}; ${percentFix(spec, hi, hints.values) ?? fix}`,
      });
    }
  });
}

/**
 * The problems of a distribution's own checks (`issues`, as zod holds them before it words them)
 * with the field's percent hints in place of the checks' own: a beta's mean outside (0, 1), and a
 * bounded metalog's values past its bounds. Those checks know only [0, 1], so they offered
 * `renewalRate: { dist: beta, mean: 1.2 }` "0.012 (or 1.2%)", which the field itself does not
 * (`renewalRate: 1.2`). Each is replaced where it stands, so it keeps its place and is said once.
 */
function withFieldHints(spec: unknown, issues: z.core.$ZodRawIssue[], hints: PercentHints): void {
  if (spec === null || typeof spec !== 'object') return;
  const dist = (spec as { dist?: unknown }).dist;
  issues.forEach((issue, i) => {
    const at = issue.path?.length === 1 ? issue.path[0] : undefined;
    if (dist === 'beta' && at === 'mean' && (issue.code === 'too_big' || issue.code === 'too_small') && typeof issue.input === 'number')
      issues[i] = { code: 'custom', path: ['mean'], input: issue.input, message: withValueGiven(`must be strictly between 0 and 1${hints.inner!.mean(issue.input)}`, issue.input) };
    else if (dist === 'quantiles' && at === 'quantiles' && issue.code === 'custom' && typeof issue.message === 'string') {
      const quantiles = (spec as { quantiles?: Record<string, unknown> }).quantiles ?? {};
      const points = quantilePoints(Object.fromEntries(Object.entries(quantiles).filter((e): e is [string, number] => typeof e[1] === 'number')));
      const centre = (points.find((q) => q.p === 0.5) ?? points[Math.floor(points.length / 2)])?.x;
      // The check's hint stays where the field offers its centre's percent too (it names the value
      // refused); else it goes: renewals of 1.1 to 1.3 are not "1.1%".
      if (hints.values(centre) === '') issues[i] = { ...issue, message: withoutPercentHint(issue.message) };
    }
  });
}

/**
 * For a field within [0, 1], a distribution whose central value is between 1 and 100 (a PERT of
 * 80 / 88 / 95 for a renewal rate) was written in percents: the fix is to write its values as
 * fractions, not to bound it. Undefined otherwise.
 */
function percentFix(spec: DistributionSpec | YearLevelSpec, hi: number, hint: (central: unknown) => string): string | undefined {
  if (hi !== 1 || typeof spec === 'number') return undefined;
  let central: number;
  try {
    central = centralValue(spec as DistributionSpec);
  } catch {
    return undefined;
  }
  return hint(central) || undefined;
}

/** A probability or rate, e.g. conversion or renewal: every draw in [0, 1]. */
export const rateDistribution = within(0, 1, 'a rate', 'use beta, or bound it (min/max for normal, lower/upper for quantiles)').describe(
  'A rate in [0, 1] (a number, or a distribution whose draws stay in [0, 1], such as beta).',
);

/**
 * A renewal rate (logo or dollar): a rate whose percent reading is offered only when it is a
 * plausible renewal (PLAUSIBLE_RENEWAL): `renewalRate: 92` is 0.92, `renewalRate: 1.2` is not 0.012.
 */
export const renewalRateDistribution = within(0, 1, 'a rate', 'use beta, or bound it (min/max for normal, lower/upper for quantiles)', 'any', {
  fixed: (v) => percentHint(v, PLAUSIBLE_RENEWAL) || renewalAtMost(v),
  values: (c) => percentValuesHint(c, PLAUSIBLE_RENEWAL),
  // A beta's mean of 100 is no percent it takes (strictly below 1), nor past the bound it is told.
  inner: { mean: (v) => (v === 100 ? '' : percentHint(v, PLAUSIBLE_RENEWAL) || renewalAtMost(v)) },
}).describe('A rate in [0, 1] (a number, or a distribution whose draws stay in [0, 1], such as beta).');

/**
 * A rate per month (a rep's attrition): every draw in [0, 1]. A value written as a percent (a
 * number, a PERT's mode, a beta's mean) is answered with the fraction and, in case it is a year's
 * figure, the month's rate it means.
 */
export const monthlyRateDistribution = within(0, 1, 'a monthly rate', 'use beta, or bound it (min/max for normal, lower/upper for quantiles)', 'any', {
  fixed: monthlyPercentHint,
  values: monthlyPercentValuesHint,
})
  // A beta's mean above 1 is refused by the beta itself (at the mean, with percentHint's fraction),
  // before the check above runs: the month's rate is said here, at the field. `when`: also after it.
  .superRefine(
    (spec, ctx) => {
      const mean = ctx.issues.find((i) => i.path?.length === 1 && i.path[0] === 'mean' && typeof spec === 'object' && spec !== null && (spec as { dist?: unknown }).dist === 'beta');
      const month = mean === undefined ? '' : monthOfYearWords(mean.input);
      if (month !== '') ctx.addIssue({ code: 'custom', message: `its mean ${String(mean!.input)} looks like a percent. ${month}`, input: spec });
    },
    { when: (payload) => payload.issues.length > 0 },
  )
  .describe('A rate per month in [0, 1] (a number, or a distribution whose draws stay in [0, 1], such as beta).');

/** A share of a customer's ARR (contraction size): every draw in [0, 1]. */
export const shareDistribution = within(0, 1, 'a share', 'use beta, or bound it').describe(
  "A share of a customer's ARR in [0, 1].",
);

/** A number of things that cannot be negative and may have decimals (deals a rep can close in a month): no `%`. */
export const nonNegativeCountDistribution = within(0, Infinity, 'this number', 'use lognormal, or bound it below at 0', 'count').describe(
  'A non-negative number of things (a number, or a distribution whose draws are >= 0).',
);

/**
 * A price uplift at renewal: a share of the renewed ARR (0.03 = 3%), >= 0. One above 1 in every draw
 * (the price more than doubled at every renewal) is a percent written as a number (`priceUplift: 3`
 * for 3%), so it is refused with the fraction it probably means, as rates are.
 */
export const priceUpliftDistribution = within(0, Infinity, 'this share', 'use lognormal, or bound it below at 0').superRefine((spec, ctx) => {
  if (distributionSupport(spec).min > 1)
    ctx.addIssue({
      code: 'custom',
      message: `a price uplift is a share of the renewed ARR (0.03 = 3%), and ${typeof spec === 'number' || spec.dist === 'fixed' ? 'this one' : `every draw of this ${spec.dist}`} is above 1 (the price more than doubled)${percentHint(centralValue(spec), { min: 0, max: Infinity }) || '; write it as a fraction or with %'}`,
    });
});

/**
 * A volume such as leads per month: >= 0, and a Poisson or negative-binomial mean may be a
 * year-level distribution (see `year-level-schema.ts`).
 */
export const volumeWithYearLevel = withinOf(countWithYearLevelSchema, 0, Infinity, 'this number', 'use lognormal, or bound it below at 0').describe(
  "A non-negative count; a Poisson or negative binomial mean may be a distribution of this year's mean (drawn once per trial).",
);

/** An amount in the currency such as ACV: >= 0, no `%`, and a lognormal median may be a year-level distribution. */
export const amountWithYearLevel = withinOf(amountWithYearLevelSchema, 0, Infinity, 'this amount', 'use lognormal, or bound it below at 0').describe(
  "A non-negative amount; a lognormal median may be a distribution of this year's median (drawn once per trial).",
);

/** A count a month such as a rep's sourced deals: >= 0, no `%`, and a lognormal median may be a year-level distribution. */
export const countWithYearLevelMedian = withinOf(countMedianWithYearLevelSchema, 0, Infinity, 'this number', 'use lognormal, or bound it below at 0').describe(
  "A non-negative number of things; a lognormal median may be a distribution of this year's median (drawn once per trial).",
);

/** A share of a customer's ARR that may pass 1 (an existing customer's expansion): >= 0, `%` taken, and a lognormal median may be a year-level distribution. */
export const shareWithYearLevel = withinOf(shareWithYearLevelSchema, 0, Infinity, 'this share', 'use lognormal, or bound it below at 0').describe(
  "A non-negative share; a lognormal median may be a distribution of this year's median (drawn once per trial).",
);

/** A whole number of months in 0..24, such as a sales-cycle lag: a number, fixed, discrete or empirical. */
export const monthLagDistribution = distributionSchemaOf('whole')
  .superRefine((spec, ctx) => {
    const s = distributionSupport(spec);
    const listed = typeof spec === 'number' || spec.dist === 'fixed' || spec.dist === 'discrete' || spec.dist === 'empirical';
    if (!listed || !s.integer || s.min < 0 || s.max > 24) {
      // What was given, as the other refusals say it: the number, the family, or the values' range.
      const given =
        typeof spec === 'number' ? `got ${spec}` : !listed ? `got dist: ${spec.dist}` : s.min === s.max ? `got ${s.min}` : `its values run from ${s.min} to ${s.max}${s.integer ? '' : ', not all whole'}`;
      ctx.addIssue({
        code: 'custom',
        message: `a lag in months must be a whole number from 0 to 24, ${given}; use a number, or discrete/empirical with whole values`,
      });
    }
  })
  .describe('Whole months from 0 to 24: a number, or a discrete distribution over months.');

/**
 * Twelve non-negative numbers, one per fiscal month, of `kind` (human-number.ts): weights and shares
 * take `%`; a plan's amounts and a count of hires do not (`mrr: [8%, ...]` is no MRR).
 */
const monthlyValues = (kind: NumberKind) =>
  z
    .array(humanNumber(z.number().finite().nonnegative({ error: 'must be >= 0' }), kind))
    .length(12, { error: 'needs exactly 12 values, one per fiscal month' })
    // At most 1e15 each, like every amount: twelve values near 1.8e308 add up to infinity, and a
    // seasonality rescaled by an infinite mean silently became all zeros (no leads at all).
    .superRefine((values, ctx) => {
      values.forEach((v, i) => {
        if (v > MAX_MAGNITUDE) ctx.addIssue({ code: 'custom', message: 'must be at most 1e15', path: [i] });
      });
    });

/** Twelve non-negative weights or shares, one per fiscal month. */
export const monthlyProfile = monthlyValues('any');
/** Twelve amounts in the scenario's currency, one per fiscal month (a monthly plan). */
export const monthlyAmounts = monthlyValues('amount');
/** Twelve counts, one per fiscal month (rep hires). */
export const monthlyCounts = monthlyValues('whole');

/**
 * The mean of a seasonality's twelve weights, summed in order as the model sums them when it
 * rescales the profile to average 1 (`normalisedSeasonality` in model/new-business-plan.ts).
 *
 * @example seasonalityMean([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]) // => 2
 * Complexity: O(12).
 */
export function seasonalityMean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / 12;
}

/** The smallest normal double, 2^-1022: below it a double keeps fewer than 53 significant bits. */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * A seasonality: a monthly profile of relative weights, rescaled to average 1. All twelve at 0, or
 * weights so small that their mean rounds to 0 (5e-324 in one month), would be rescaled to all
 * zeros and silently give no leads at all: refused, at the field. So is a mean below 2^-1022
 * (about 2.2e-308), where it has lost precision and the rescaled weights would be off.
 */
export const seasonalityProfile = monthlyProfile.superRefine((values, ctx) => {
  if (!values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) return;
  if (values.every((v) => v === 0)) {
    ctx.addIssue({ code: 'custom', message: 'at least one month needs a weight above 0 (all zeros would give no leads at all)' });
  } else if (!(seasonalityMean(values) >= SMALLEST_NORMAL)) {
    ctx.addIssue({
      code: 'custom',
      message: 'the weights are too small to rescale (their mean is below 2.2e-308, or rounds to 0 and would give no leads at all); scale them up: they are rescaled to average 1 anyway',
    });
  }
});
