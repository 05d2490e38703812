import { z } from 'zod';
import { centralValue } from './central-value.js';
import {
  PERCENT_RULE,
  betaSchema,
  checkLognormal,
  discreteSchemaOf,
  distributionObjectSchemaOf,
  empiricalSchemaOf,
  lognormalSchemaOf,
  negativeBinomialSchemaOf,
  poissonSchemaOf,
  finite,
  finiteNumber,
  fixedSchemaOf,
  normalSchemaOf,
  pertSchemaOf,
  positive,
  quantilesSchemaOf,
  triangularSchemaOf,
  uniformSchemaOf,
} from './distribution-schema.js';
import { distributionSupport } from './distribution-support.js';
import { humanNumber } from './human-number-schema.js';
import type { NumberKind } from './human-number.js';

/**
 * Two layers for a volume or an amount. A Poisson or negative-binomial count's `mean`, and a
 * lognormal amount's `median`, may themselves be a distribution: the YEAR-LEVEL uncertainty of the
 * driver, drawn once per trial ("2,500 leads a month, but this year it could be 2,000 to 3,000").
 * The unit-level randomness stays as it was: each month's count is Poisson (or negative binomial)
 * around this year's mean, each deal's ACV lognormal around this year's median with the stated
 * P90's spread. In the model the year-level draw L scales the unit-level draws by L / L0, where L0
 * is the level's central value as written (its mean, median or mode: `centralValue`).
 *
 *   leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, p10: 2000, p90: 3000 }, dispersion: 40 }
 *   acv: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }
 */

/**
 * A year-level distribution of a parameter whose values are of `kind` (a lead mean: a count; a
 * median: the field's own kind): any distribution that stays >= 0 with a central value above 0.
 */
const yearLevel = (parameter: string, kind: NumberKind) =>
  distributionObjectSchemaOf(kind).superRefine((spec, ctx) => {
    if (distributionSupport(spec).min < 0) {
      ctx.addIssue({ code: 'custom', message: `a year-level ${parameter} must stay >= 0, but ${spec.dist} can draw below 0; use lognormal or pert, or bound it` });
      return;
    }
    const central = centralValue(spec);
    if (!(central > 0))
      ctx.addIssue({ code: 'custom', message: `a year-level ${parameter} needs a central value (its mean, median or mode as written) above 0, got ${central}` });
  });


const leadMean = z
  .union([humanNumber(finiteNumber().nonnegative({ error: 'must be >= 0' }), 'count'), yearLevel('mean', 'count')])
  .describe('The mean count: a number, or a distribution of this year\'s mean (drawn once per trial).');

export const poissonYearLevelSchema = z
  .strictObject({ dist: z.literal('poisson'), mean: leadMean })
  .describe('Poisson count; its mean a number, or a year-level distribution drawn once per trial.')
  .meta({ id: 'PoissonWithYearLevel' });

export const negativeBinomialYearLevelSchema = z
  .strictObject({
    dist: z.literal('negativeBinomial'),
    mean: leadMean,
    dispersion: positive().describe('k: variance = mean + mean^2 / k; smaller k, more over-dispersed.'),
  })
  .describe('Negative binomial count by mean and dispersion k; its mean a number, or a year-level distribution drawn once per trial.')
  .meta({ id: 'NegativeBinomialWithYearLevel' });

/** JSON Schema ids of the schemas with a year-level median, by the kind of their values (an amount's as they always were). */
const YEAR_LEVEL_IDS: Record<NumberKind, { lognormal: string; value: string }> = {
  amount: { lognormal: 'LognormalWithYearLevel', value: 'AmountWithYearLevel' },
  any: { lognormal: 'LognormalShareWithYearLevel', value: 'ShareWithYearLevel' },
  count: { lognormal: 'LognormalCountWithYearLevel', value: 'CountMedianWithYearLevel' },
  whole: { lognormal: 'LognormalWholeWithYearLevel', value: 'WholeWithYearLevel' },
  units: { lognormal: 'LognormalUnitsWithYearLevel', value: 'UnitsWithYearLevel' },
};

const lognormalYearLevelOf = (kind: NumberKind) =>
  z
    .strictObject({
      dist: z.literal('lognormal'),
      mu: finite().optional().describe('Mean of log(X).'),
      sigma: positive().optional().describe('Standard deviation of log(X).'),
      median: z
        .union([positive(kind), yearLevel('median', kind)])
        .optional()
        .describe("The median: a number, or a distribution of this year's median (drawn once per trial; each deal keeps the spread median to p90)."),
      p10: positive(kind).optional(),
      p90: positive(kind).optional(),
      mean: positive(kind).optional().describe('Mean of X (not its median).'),
      sd: positive(kind).optional().describe('Standard deviation of X.'),
    })
    .superRefine((d, ctx) => {
      const median = d.median === undefined || typeof d.median === 'number' ? d.median : centralValue(d.median);
      // A year-level median without a central value above 0 is reported by the median itself.
      if (median !== undefined && !(median > 0)) return;
      checkLognormal({ ...d, median }, ctx);
    })
    .describe(`Lognormal: by mu/sigma, median and P90, P10 and P90, or mean and sd; the median may be a year-level distribution drawn once per trial.${kind === 'any' ? ` ${PERCENT_RULE}` : ''}`)
    .meta({ id: YEAR_LEVEL_IDS[kind].lognormal });

/** The families with no year-level parameter, their values of `kind`. */
const others = (kind: NumberKind) =>
  [
    fixedSchemaOf(kind),
    uniformSchemaOf(kind),
    triangularSchemaOf(kind),
    pertSchemaOf(kind),
    normalSchemaOf(kind),
    betaSchema,
    discreteSchemaOf(kind),
    empiricalSchemaOf(kind),
    quantilesSchemaOf(kind),
  ] as const;

/** A count whose Poisson or negative-binomial mean may be a year-level distribution (lead volume); no `%` in its values. */
export const countWithYearLevelSchema = z
  .union([finite('count'), z.discriminatedUnion('dist', [...others('count'), poissonYearLevelSchema, negativeBinomialYearLevelSchema, lognormalSchemaOf('count')])])
  .meta({ id: 'CountWithYearLevel', description: 'A number or a distribution; a Poisson or negative binomial mean may be a distribution of the year-level mean.' });

/**
 * A value whose lognormal median may be a year-level distribution, its values of `kind`: an amount
 * (ACV, a pipeline deal, a new customer's expansion), a count a month (a rep's sourced deals) or a
 * share (an existing customer's expansion, a share of its ARR).
 */
const withYearLevelMedianOf = (kind: NumberKind) =>
  z
    .union([finite(kind), z.discriminatedUnion('dist', [...others(kind), poissonSchemaOf(kind), negativeBinomialSchemaOf(kind), lognormalYearLevelOf(kind)])])
    .meta({ id: YEAR_LEVEL_IDS[kind].value, description: `A number or a distribution; a lognormal median may be a distribution of the year-level median.${kind === 'any' ? ` ${PERCENT_RULE}` : ''}` });

/** An amount in the currency whose lognormal median may be a year-level distribution (ACV): no `%`. */
export const amountWithYearLevelSchema = withYearLevelMedianOf('amount');
/** A count a month whose lognormal median may be a year-level distribution (a rep's sourced deals): no `%`. */
export const countMedianWithYearLevelSchema = withYearLevelMedianOf('count');
/** A share whose lognormal median may be a year-level distribution (an existing customer's expansion): `%` taken. */
export const shareWithYearLevelSchema = withYearLevelMedianOf('any');

export type CountWithYearLevel = z.output<typeof countWithYearLevelSchema>;
export type AmountWithYearLevel = z.output<typeof amountWithYearLevelSchema> | z.output<typeof countMedianWithYearLevelSchema> | z.output<typeof shareWithYearLevelSchema>;
/** Any spec a driver field can hold: an ordinary distribution, or one with a year-level parameter. */
export type YearLevelSpec = CountWithYearLevel | AmountWithYearLevel;
