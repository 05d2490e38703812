import { z } from 'zod';
import { centralValue } from './central-value.js';
import {
  betaSchema,
  checkLognormal,
  discreteSchema,
  distributionObjectSchema,
  empiricalSchema,
  lognormalSchema,
  negativeBinomialSchema,
  poissonSchema,
  finite,
  finiteNumber,
  fixedSchema,
  normalSchema,
  pertSchema,
  positive,
  quantilesSchema,
  triangularSchema,
  uniformSchema,
} from './distribution-schema.js';
import { distributionSupport } from './distribution-support.js';
import { humanNumber } from './human-number-schema.js';

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

/** A year-level distribution of a parameter: any distribution that stays >= 0 with a central value above 0. */
const yearLevel = (parameter: string) =>
  distributionObjectSchema.superRefine((spec, ctx) => {
    if (distributionSupport(spec).min < 0) {
      ctx.addIssue({ code: 'custom', message: `a year-level ${parameter} must stay >= 0, but ${spec.dist} can draw below 0; use lognormal or pert, or bound it` });
      return;
    }
    const central = centralValue(spec);
    if (!(central > 0))
      ctx.addIssue({ code: 'custom', message: `a year-level ${parameter} needs a central value (its mean, median or mode as written) above 0, got ${central}` });
  });

const leadMean = z
  .union([humanNumber(finiteNumber().nonnegative({ error: 'must be >= 0' })), yearLevel('mean')])
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

export const lognormalYearLevelSchema = z
  .strictObject({
    dist: z.literal('lognormal'),
    mu: finite().optional().describe('Mean of log(X).'),
    sigma: positive().optional().describe('Standard deviation of log(X).'),
    median: z
      .union([positive(), yearLevel('median')])
      .optional()
      .describe("The median: a number, or a distribution of this year's median (drawn once per trial; each deal keeps the spread median to p90)."),
    p10: positive().optional(),
    p90: positive().optional(),
    mean: positive().optional().describe('Mean of X (not its median).'),
    sd: positive().optional().describe('Standard deviation of X.'),
  })
  .superRefine((d, ctx) => {
    const median = d.median === undefined || typeof d.median === 'number' ? d.median : centralValue(d.median);
    // A year-level median without a central value above 0 is reported by the median itself.
    if (median !== undefined && !(median > 0)) return;
    checkLognormal({ ...d, median }, ctx);
  })
  .describe("Lognormal: by mu/sigma, median and P90, P10 and P90, or mean and sd; the median may be a year-level distribution drawn once per trial.")
  .meta({ id: 'LognormalWithYearLevel' });

const others = [fixedSchema, uniformSchema, triangularSchema, pertSchema, normalSchema, betaSchema, discreteSchema, empiricalSchema, quantilesSchema] as const;

/** A count whose Poisson or negative-binomial mean may be a year-level distribution (lead volume). */
export const countWithYearLevelSchema = z
  .union([finite(), z.discriminatedUnion('dist', [...others, poissonYearLevelSchema, negativeBinomialYearLevelSchema, lognormalSchema])])
  .meta({ id: 'CountWithYearLevel', description: 'A number or a distribution; a Poisson or negative binomial mean may be a distribution of the year-level mean.' });

/** An amount whose lognormal median may be a year-level distribution (ACV). */
export const amountWithYearLevelSchema = z
  .union([finite(), z.discriminatedUnion('dist', [...others, poissonSchema, negativeBinomialSchema, lognormalYearLevelSchema])])
  .meta({ id: 'AmountWithYearLevel', description: 'A number or a distribution; a lognormal median may be a distribution of the year-level median.' });

export type CountWithYearLevel = z.output<typeof countWithYearLevelSchema>;
export type AmountWithYearLevel = z.output<typeof amountWithYearLevelSchema>;
/** Any spec a driver field can hold: an ordinary distribution, or one with a year-level parameter. */
export type YearLevelSpec = CountWithYearLevel | AmountWithYearLevel;
