import { z } from 'zod';
import { fitMetalog, metalogMean, MetalogFitError } from '../math/metalog.js';
import { QUANTILE_KEY, quantilePoints } from './quantile-points.js';
import { betaParams, lognormalParams, type LognormalStatement } from '../math/distribution-params.js';
import { prepareTruncatedNormal } from '../math/truncated-normal.js';
import { humanNumber } from './human-number-schema.js';
import type { NumberKind } from './human-number.js';
import { percentHint, percentValuesHint } from './percent-hint.js';
import { MAX_EMPIRICAL_VALUES, MAX_MAGNITUDE } from './limits.js';
import { withValueGiven } from './value-given.js';

export { MAX_MAGNITUDE };

/**
 * Distributions a planner can write for any driver. Each is an object tagged by `dist`; a plain number
 * is shorthand for `{ dist: fixed, value: n }`. Parameters are validated here; whether a distribution
 * suits the field it sits in (a rate must stay in [0, 1], a count must be a non-negative integer) is
 * checked by the field (see `field-schemas.ts`).
 */

export const finiteNumber = (what = 'a finite number') =>
  z
    .number({ error: `must be ${what}` })
    .finite({ error: `must be ${what}` })
    .min(-MAX_MAGNITUDE, { error: 'must be at least -1e15' })
    .max(MAX_MAGNITUDE, { error: 'must be at most 1e15' });
export const finite = (kind: NumberKind = 'any') => humanNumber(finiteNumber(), kind);
// A parameter's bound with the value refused (a distribution's parameters name the value beside the bound, as its other checks do), by the one rule (value-given.ts).
const got = (words: string) => (iss: { readonly input?: unknown }) => withValueGiven(words, typeof iss.input === 'number' ? iss.input : undefined);
export const positive = (kind: NumberKind = 'any') => humanNumber(finiteNumber().positive({ error: got('must be greater than 0') }), kind);
const nonNegative = (kind: NumberKind) => humanNumber(finiteNumber().nonnegative({ error: got('must be >= 0') }), kind);
const probability = () =>
  humanNumber(
    finiteNumber()
      .gt(0, { error: got('must be strictly between 0 and 1') })
      .lt(1, { error: (iss) => got(`must be strictly between 0 and 1${percentHint(iss.input, { min: 0, max: 1, open: true })}`)(iss) }),
  );

/**
 * Each family below is made for a kind of value (human-number.ts, NumberKind): the numbers in the
 * field's own units (a fixed value, a min, a mean, a median, listed values) are read as that kind,
 * so `%` is refused where the field holds no share (`acv: 50%` is no ACV of 0.5, nor
 * `salesCycleMonths: 600%` 6 months); parameters without units (sigma, dispersion, weights, a beta's
 * mean) take any number. Each kind's schemas are made once (`ofKind`), under its own JSON Schema id.
 */
const ID_SUFFIX: Record<NumberKind, string> = { any: '', amount: 'Amount', count: 'Count', whole: 'Whole', units: 'Units' };

/** One schema per kind, made on first use: a zod id is registered once. */
function ofKind<T>(make: (kind: NumberKind, id: (name: string) => { id: string }) => T): (kind: NumberKind) => T {
  const made = new Map<NumberKind, T>();
  return (kind) => {
    let schema = made.get(kind);
    if (schema === undefined) made.set(kind, (schema = make(kind, (name) => ({ id: `${name}${ID_SUFFIX[kind]}` }))));
    return schema;
  };
}

export const fixedSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({ dist: z.literal('fixed'), value: finite(kind) })
    .describe('Always the same value.')
    .meta(id('Fixed')),
);

export const uniformSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({ dist: z.literal('uniform'), min: finite(kind), max: finite(kind) })
    .superRefine((d, ctx) => {
      if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', message: minBelowMax('uniform', d.min, d.max), path: ['max'] });
    })
    .describe('Every value between min and max equally likely.')
    .meta(id('Uniform')),
);

const minModeMax = (kind: NumberKind) => ({ min: finite(kind), mode: finite(kind), max: finite(kind) });
const checkMinModeMax = (name: string) => (d: { min: number; mode: number; max: number }, ctx: z.RefinementCtx) => {
  if (!(d.min < d.max)) ctx.addIssue({ code: 'custom', message: minBelowMax(name, d.min, d.max), path: ['max'] });
  else if (d.mode < d.min || d.mode > d.max)
    ctx.addIssue({
      code: 'custom',
      message: `${name} needs min <= mode <= max, got mode ${d.mode} ${d.mode < d.min ? 'below min' : 'above max'} (min ${d.min}, max ${d.max}): move the mode inside [${d.min}, ${d.max}], or widen the range to hold it`,
      path: ['mode'],
    });
};

/**
 * A range whose ends cannot hold (min at or above max): the values, and the fix. It said
 * "uniform needs min < max" alone, naming neither value.
 *
 * @example minBelowMax('uniform', 5, 3) // => 'uniform needs min < max, got min 5 and max 3: swap them'
 */
export function minBelowMax(name: string, min: number, max: number): string {
  const fix = min > max ? 'swap them' : `give max above ${min}, or write the value alone (a plain number) if it does not vary`;
  return `${name} needs min < max, got min ${min} and max ${max}: ${fix}`;
}

/**
 * A lognormal's upper quantile at or below the lower one it is stated with: the values, and why it
 * must lie above. It said "lognormal needs p90 > median" alone.
 */
function quantileAbove(lower: 'median' | 'p10', low: number, p90: number): string {
  const fix = p90 < low ? 'swap them if they are the other way round' : 'give p90 above it';
  return `lognormal needs p90 > ${lower}, got ${lower} ${low} and p90 ${p90}: 90% of years come in below the P90, ${lower === 'median' ? 'half' : '10%'} below the ${lower === 'median' ? 'median' : 'P10'}, so the P90 lies above it (${fix})`;
}

export const triangularSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({ dist: z.literal('triangular'), ...minModeMax(kind) })
    .superRefine(checkMinModeMax('triangular'))
    .describe('Triangular: lowest, most likely and highest value.')
    .meta(id('Triangular')),
);

export const pertSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({ dist: z.literal('pert'), ...minModeMax(kind) })
    .superRefine(checkMinModeMax('pert'))
    .describe('PERT (a beta scaled to min..max, shape 4): lowest, most likely and highest value; softer tails than triangular.')
    .meta(id('Pert')),
);

export const normalSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('normal'),
      mean: finite(kind),
      sd: positive(kind),
      min: finite(kind).optional().describe('Truncate below: no draw is lower.'),
      max: finite(kind).optional().describe('Truncate above: no draw is higher.'),
    })
    .superRefine((d, ctx) => {
      if (d.min !== undefined && d.max !== undefined && !(d.min < d.max)) {
        ctx.addIssue({ code: 'custom', message: minBelowMax('normal', d.min, d.max), path: ['max'] });
        return;
      }
      if (d.min === undefined && d.max === undefined) return;
      try {
        prepareTruncatedNormal(d.mean, d.sd, d.min ?? -Infinity, d.max ?? Infinity);
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `normal(mean ${d.mean}, sd ${d.sd}) has almost no probability between ${d.min ?? '-inf'} and ${d.max ?? 'inf'}; move the bounds or the mean`,
        });
      }
    })
    .describe('Normal (Gaussian), optionally truncated to [min, max].')
    .meta(id('Normal')),
);

/** The numbers of a lognormal as written (any parameterisation); `median` a number here. */
export type LognormalNumbers = LognormalStatement;

/** The checks of a lognormal's parameters: exactly one parameterisation, ordered quantiles, a sane sigma and mean. */
export function checkLognormal(d: LognormalNumbers, ctx: z.RefinementCtx): void {
  const given = (['mu', 'sigma', 'median', 'p10', 'p90', 'mean', 'sd'] as const).filter((k) => d[k] !== undefined);
  const forms: ReadonlyArray<readonly string[]> = [
    ['mu', 'sigma'],
    ['median', 'p90'],
    ['p10', 'p90'],
    ['mean', 'sd'],
  ];
  const ok = forms.some((f) => f.length === given.length && f.every((k) => given.includes(k as (typeof given)[number])));
  if (!ok) {
    ctx.addIssue({
      code: 'custom',
      message: `lognormal needs exactly one of: mu and sigma, median and p90, p10 and p90, mean and sd (got ${given.join(', ') || 'none'})`,
    });
    return;
  }
  if (d.median !== undefined && d.p90 !== undefined && !(d.p90 > d.median))
    ctx.addIssue({ code: 'custom', message: quantileAbove('median', d.median, d.p90), path: ['p90'] });
  if (d.p10 !== undefined && d.p90 !== undefined && !(d.p90 > d.p10)) {
    ctx.addIssue({ code: 'custom', message: quantileAbove('p10', d.p10, d.p90), path: ['p90'] });
    return;
  }
  // A value its own field refuses (`p10: 0`) has said so there: no sigma of Infinity besides it.
  const positives = [d.sigma, d.median, d.p10, d.p90, d.mean, d.sd];
  if (positives.some((v) => v !== undefined && !(v > 0 && Number.isFinite(v))) || (d.mu !== undefined && !Number.isFinite(d.mu))) return;
  const { mu, sigma } = lognormalParams(d);
  if (sigma > MAX_LOGNORMAL_SIGMA) {
    const wide = sigmaTooWide(d, sigma);
    ctx.addIssue({ code: 'custom', message: wide.message, path: [wide.path] });
  } else if (Math.exp(mu + (sigma * sigma) / 2) > MAX_MAGNITUDE)
    ctx.addIssue({ code: 'custom', message: 'lognormal mean exp(mu + sigma^2/2) is above 1e15: check mu' });
}

/** The widest lognormal taken: above sigma 5, P1 and P99 are 10 orders of magnitude apart (e^(2 x 2.326 x 5)). */
const MAX_LOGNORMAL_SIGMA = 5;
/** Φ⁻¹(0.9), the z of a P90 (as distribution-params.ts). */
const Z90 = 1.2815515655446004;

/** x to 3 significant digits, rounded down (a bound offered stays within it). */
const down3 = (x: number) => {
  const r = Number(x.toPrecision(3));
  return r > x ? Number((r - 10 ** (Math.floor(Math.log10(x)) - 2)).toPrecision(3)) : r;
};
// A ratio past the largest double (sd 1e200 on a mean of 1e-200) said as such, not "Infinity".
const g3 = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : 'over 1e308');

/**
 * Why a lognormal is too wide, at the parameter that makes it so, with the values, the bound and a
 * fix in that parameter's terms: `p90` beside its median (ratio above e^(5 Z90) = 607) or its P10
 * (e^(10 Z90) = 368,000), `sd` beside its mean (sd / mean above sqrt(e^25 - 1) = 268,000), or `sigma`.
 * It was "lognormal sigma is 6.2", at the distribution, with "check the parameters".
 */
function sigmaTooWide(d: LognormalStatement, sigma: number): { path: string; message: string } {
  const head = `lognormal sigma ${g3(sigma)} is above ${MAX_LOGNORMAL_SIGMA}: its P1 and P99 would be over 10 orders of magnitude apart`;
  if (d.mu !== undefined && d.sigma !== undefined) return { path: 'sigma', message: `${head}; give a sigma of at most ${MAX_LOGNORMAL_SIGMA}` };
  if (d.median !== undefined && d.p90 !== undefined) {
    const ratio = Math.exp(MAX_LOGNORMAL_SIGMA * Z90);
    return { path: 'p90', message: `${head} (p90 ${d.p90} is ${g3(d.p90 / d.median)} times the median ${d.median}, at most ${down3(ratio)}); give a p90 of at most ${down3(d.median * ratio)}, or check that both are in the same units` };
  }
  if (d.p10 !== undefined && d.p90 !== undefined) {
    const ratio = Math.exp(2 * MAX_LOGNORMAL_SIGMA * Z90);
    return { path: 'p90', message: `${head} (p90 ${d.p90} is ${g3(d.p90 / d.p10)} times p10 ${d.p10}, at most ${down3(ratio)}); give a p90 of at most ${down3(d.p10 * ratio)}, or check that both are in the same units` };
  }
  const ratio = Math.sqrt(Math.expm1(MAX_LOGNORMAL_SIGMA * MAX_LOGNORMAL_SIGMA));
  return { path: 'sd', message: `${head} (sd ${d.sd} is ${g3(d.sd! / d.mean!)} times the mean ${d.mean}, at most ${down3(ratio)}); give an sd of at most ${down3(d.mean! * ratio)}, or check that both are in the same units` };
}

export const lognormalSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('lognormal'),
      mu: finite().optional().describe('Mean of log(X).'),
      sigma: positive().optional().describe('Standard deviation of log(X).'),
      median: positive(kind).optional(),
      p10: positive(kind).optional(),
      p90: positive(kind).optional(),
      mean: positive(kind).optional().describe('Mean of X (not its median).'),
      sd: positive(kind).optional().describe('Standard deviation of X.'),
    })
    .superRefine(checkLognormal)
    .describe('Lognormal: by mu/sigma of log(X), by median and P90, by P10 and P90, or by mean and sd.')
    .meta(id('Lognormal')),
);

/**
 * A beta's sd wider than its mean allows (sd^2 < mean(1 - mean): a share with that mean spreads no
 * further): the mean and sd as shares and percents (either may be written), the bound rounded down so
 * every sd below it is taken, and the fix. It said "beta with mean 0.03 needs sd < 0.1706" without the
 * sd refused, in decimals beside a file written in %.
 *
 * @example betaTooWide(0.03, 0.2) // => 'beta with mean 0.03 (3%) needs sd below 0.1705 (17.05%), the widest a share with that mean can spread (sd^2 < mean(1 - mean)); got sd 0.2 (20%): write a smaller sd, or state the range as quantiles ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })'
 */
export function betaTooWide(mean: number, sd: number): string {
  const limit = Math.sqrt(mean * (1 - mean));
  // Four significant digits, rounded down: "below 0.1706" took 0.17059, above the bound 0.170587.
  // By toPrecision, whatever the size (a mean of 5e-324 has a bound near 1e-162: toFixed takes at most 100 digits).
  let shown = Number(limit.toPrecision(4));
  if (shown > limit) shown = Number((shown - 10 ** (Math.floor(Math.log10(limit)) - 3)).toPrecision(4));
  const share = (x: number) => `${x} (${Number((x * 100).toPrecision(12))}%)`;
  return `beta with mean ${share(mean)} needs sd below ${share(shown)}, the widest a share with that mean can spread (sd^2 < mean(1 - mean)); got sd ${share(sd)}: write a smaller sd, or state the range as quantiles ({ dist: quantiles, quantiles: { p10: ..., p50: ..., p90: ... }, lower: 0, upper: 1 })`;
}

export const betaSchema = z
  .strictObject({
    dist: z.literal('beta'),
    alpha: positive().optional(),
    beta: positive().optional(),
    mean: probability().optional(),
    sd: positive().optional(),
  })
  .superRefine((d, ctx) => {
    const shape = d.alpha !== undefined || d.beta !== undefined;
    const moments = d.mean !== undefined || d.sd !== undefined;
    if (shape === moments || (shape && (d.alpha === undefined || d.beta === undefined)) || (moments && (d.mean === undefined || d.sd === undefined))) {
      ctx.addIssue({ code: 'custom', message: 'beta needs either alpha and beta, or mean and sd' });
      return;
    }
    // A mean outside (0, 1) is reported at the mean; there is no sd to suggest for it.
    if (d.mean !== undefined && !(d.mean > 0 && d.mean < 1)) return;
    if (d.mean !== undefined && d.sd !== undefined && !(d.sd * d.sd < d.mean * (1 - d.mean))) {
      ctx.addIssue({ code: 'custom', message: betaTooWide(d.mean, d.sd), path: ['sd'] });
      return;
    }
    // A tiny sd makes alpha and beta astronomically large (infinite below sd ~ 1e-154), and the
    // sampler then draws NaN: the planner means a fixed rate.
    const { alpha, beta } = betaParams(d);
    if (!(alpha <= MAX_MAGNITUDE && beta <= MAX_MAGNITUDE))
      ctx.addIssue({
        code: 'custom',
        message: `beta with mean ${d.mean} and sd ${d.sd} has alpha and beta above 1e15: the sd is too small to matter; write the rate as a number (${d.mean}) instead`,
        path: ['sd'],
      });
  })
  .describe('Beta on [0, 1], for rates: by alpha/beta, or by mean and sd.')
  .meta({ id: 'Beta' });

export const poissonSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({ dist: z.literal('poisson'), mean: nonNegative(kind) })
    .describe('Poisson count with the given mean.')
    .meta(id('Poisson')),
);

export const negativeBinomialSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('negativeBinomial'),
      mean: nonNegative(kind),
      dispersion: positive().describe('k: variance = mean + mean^2 / k; smaller k, more over-dispersed.'),
    })
    .describe('Negative binomial count (over-dispersed Poisson) by mean and dispersion k.')
    .meta(id('NegativeBinomial')),
);

export const discreteSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('discrete'),
      values: z.array(finite(kind)).min(1, { error: 'needs at least one value' }).max(10_000, { error: 'at most 10,000 values' }),
      weights: z
        .array(humanNumber(finiteNumber().nonnegative({ error: got('must be >= 0') })))
        .min(1, { error: 'needs at least one weight' })
        .max(10_000, { error: 'at most 10,000 weights' }),
    })
    .superRefine((d, ctx) => {
      if (d.values.length !== d.weights.length)
        ctx.addIssue({ code: 'custom', message: `discrete needs as many weights as values (${d.values.length} values, ${d.weights.length} weights)`, path: ['weights'] });
      else if (!(d.weights.reduce((a, b) => a + b, 0) > 0))
        ctx.addIssue({ code: 'custom', message: 'discrete needs weights that sum to more than 0', path: ['weights'] });
    })
    .describe('One of the listed values, with probability proportional to its weight.')
    .meta(id('Discrete')),
);

export const empiricalSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('empirical'),
      values: z
        .array(finite(kind))
        .min(1, { error: 'needs at least one observed value' })
        .max(MAX_EMPIRICAL_VALUES, { error: `at most ${MAX_EMPIRICAL_VALUES.toLocaleString('en-US')} values` }),
    })
    .describe('Resamples the observed values, each equally likely.')
    .meta(id('Empirical')),
);

export const quantilesSchemaOf = ofKind((kind, id) =>
  z
    .strictObject({
      dist: z.literal('quantiles'),
      quantiles: z
        .record(z.string().regex(QUANTILE_KEY, { error: 'quantile keys look like p10, p50, p90' }), finite(kind))
        .describe('Stated quantiles, e.g. { p10: 40000, p50: 60000, p90: 110000 }: Px = x% chance of coming in below.'),
      lower: finite(kind).optional().describe('Hard lower bound (e.g. 0): no draw is lower.'),
      upper: finite(kind).optional().describe('Hard upper bound (e.g. 1 for a rate): no draw is higher.'),
      terms: humanNumber(z.number().int().min(2).max(16)).optional().describe('Metalog terms; default: one per stated quantile (an exact fit).'),
    })
    .superRefine((d, ctx) => {
      const points = quantilePoints(d.quantiles);
      if (points.length < 3) {
        ctx.addIssue({ code: 'custom', message: `quantiles needs at least 3 stated quantiles (got ${points.length})`, path: ['quantiles'] });
        return;
      }
      let fit;
      try {
        fit = fitMetalog(points, { lower: d.lower, upper: d.upper, terms: d.terms });
      } catch (err) {
        if (!(err instanceof MetalogFitError)) throw err;
        // Bounded by 1 (a rate), values such as p50: 85 are percents written as numbers: say so. Only
        // when the centre (P50, or the middle point, as centralValue reads it) is one: a P90 of 1.03
        // above a P50 of 0.92 is a fraction that went past 1, not 1.03%.
        const centre = (points.find((q) => q.p === 0.5) ?? points[Math.floor(points.length / 2)]!).x;
        // The fraction within the quantiles' own bounds (lower, or 0, to 1).
        const accepted = { min: d.lower ?? 0, max: 1 };
        const percent = d.upper === 1 && err.reason === 'bounds' && percentHint(centre, accepted) !== '' ? points.find((q) => percentHint(q.x, accepted) !== '') : undefined;
        const hint = percent === undefined ? '' : `; ${percentValuesHint(percent.x, accepted)}`;
        ctx.addIssue({ code: 'custom', message: `${err.message}${hint}`, path: ['quantiles'] });
        return;
      }
      // Like lognormal's: a tail so heavy that the mean is above 1e15 (or infinite) draws values that
      // overflow the sums. Bounded on both sides, the draws cannot leave [lower, upper].
      if (d.lower === undefined || d.upper === undefined) {
        const mean = metalogMean(fit);
        if (!(Math.abs(mean) <= MAX_MAGNITUDE))
          ctx.addIssue({
            code: 'custom',
            message: `these quantiles give a metalog with ${Number.isFinite(mean) ? `a mean of ${mean.toPrecision(3)}` : 'an infinite mean'} (its tail is too heavy to simulate): bring the outer quantiles closer to the median, or set ${d.lower === undefined ? 'lower' : 'upper'}`,
            path: ['quantiles'],
          });
      }
    })
    .describe('A metalog distribution (Keelin 2016) fitted to three or more stated quantiles, optionally bounded.')
    .meta(id('Quantiles')),
);

/** Every family, its values of `kind` (a beta's are shares whatever the field). */
export const distributionObjectSchemaOf = ofKind((kind) =>
  z.discriminatedUnion('dist', [
    fixedSchemaOf(kind),
    uniformSchemaOf(kind),
    triangularSchemaOf(kind),
    pertSchemaOf(kind),
    normalSchemaOf(kind),
    lognormalSchemaOf(kind),
    betaSchema,
    poissonSchemaOf(kind),
    negativeBinomialSchemaOf(kind),
    discreteSchemaOf(kind),
    empiricalSchemaOf(kind),
    quantilesSchemaOf(kind),
  ]),
);

/**
 * The one rule for `%` in a distribution (percent-mix.ts), said in the JSON Schema where `%` is
 * taken (kind 'any'): the other kinds refuse `%`.
 */
export const PERCENT_RULE =
  'Each number is read by itself: a % divides only the number it is written on by 100 (sd: 10% is 0.1, not a tenth of the mean). A value above 1 and at most 100 written without % beside values with % (a year-level median\'s too) is read as written: where the field refuses it so, the refusal offers its % reading; where the field runs it, a percent-mix warning does (never a refusal), unless the % reading is implausible for the field (a renewal rate below 50%) or the value plausible as written (an expansion size up to 10).';

/** A distribution of values of `kind`, or a plain number meaning that fixed value. */
export const distributionSchemaOf = ofKind((kind, id) =>
  z
    .union([finite(kind), distributionObjectSchemaOf(kind)])
    .meta({
      ...id('Distribution'),
      description: `A number (a fixed value) or a distribution tagged by \`dist\`.${kind === 'any' ? ` ${PERCENT_RULE}` : ''}`,
    }),
);

// The families for values that may be shares (rates, weights, shifts): `%` taken.
export const fixedSchema = fixedSchemaOf('any');
export const uniformSchema = uniformSchemaOf('any');
export const triangularSchema = triangularSchemaOf('any');
export const pertSchema = pertSchemaOf('any');
export const normalSchema = normalSchemaOf('any');
export const lognormalSchema = lognormalSchemaOf('any');
export const poissonSchema = poissonSchemaOf('any');
export const negativeBinomialSchema = negativeBinomialSchemaOf('any');
export const discreteSchema = discreteSchemaOf('any');
export const empiricalSchema = empiricalSchemaOf('any');
export const quantilesSchema = quantilesSchemaOf('any');
export const distributionObjectSchema = distributionObjectSchemaOf('any');
export const distributionSchema = distributionSchemaOf('any');

export type DistributionObject = z.infer<typeof distributionObjectSchema>;
export type DistributionSpec = z.infer<typeof distributionSchema>;
export type DistributionName = DistributionObject['dist'];
