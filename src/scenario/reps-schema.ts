import { z } from 'zod';
import { countWithYearLevelMedian, monthLagDistribution, monthlyCounts, monthlyRateDistribution, nonNegativeCountDistribution, rateDistribution } from './field-schemas.js';
import { humanNumber } from './human-number-schema.js';
import { percentHint, UNIT_INTERVAL } from './percent-hint.js';

/** Most reps a tier can have in a year (start plus hires): a guard against a typo, far above any sales floor. */
export const MAX_REPS = 10_000;

const headcount = humanNumber(
  z
    .number()
    .int({ error: 'must be a whole number of reps' })
    .nonnegative({ error: 'must be >= 0' })
    .max(MAX_REPS, { error: `must be at most ${MAX_REPS.toLocaleString('en-US')}` }),
);

/**
 * The sales reps of a tier: who is on the floor month by month, how productive they are, and how
 * many deals they can work. Ramped-rep equivalents (each rep weighted by the ramp share of its
 * tenure) cap the deals the tier closes; with `sourcedDealsPerMonth` reps also find deals of their own.
 */
export const repsSchema = z
  .strictObject({
    start: headcount.describe('Reps on the floor at the start of the year, all fully ramped.'),
    hires: monthlyCounts
      .default(() => Array.from({ length: 12 }, () => 0))
      .describe('Planned hires starting in each fiscal month (12 whole numbers).'),
    hireSlip: z
      .strictObject({
        probability: rateDistribution.describe("This year's chance that a planned hire starts late."),
        months: monthLagDistribution.describe('How many months a late hire slips (whole months, at least 1).'),
      })
      .optional()
      .describe('Hiring plans slip: each hire independently starts late with this probability.'),
    attrition: monthlyRateDistribution
      .default(0)
      .describe("This year's monthly chance that a rep leaves (0.02 a month is about 22% a year); drawn once per trial, each rep leaves or not."),
    ramp: z
      .array(humanNumber(z.number().finite().min(0, { error: (iss) => `a ramp share must be in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` }).max(1, { error: (iss) => `a ramp share must be in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` })))
      .max(24, { error: 'a ramp has at most 24 months' })
      .default([])
      .describe(
        'Share of full productivity in each month of tenure: [0, 0.5] = nothing in the first month, half in the second, full from the third. Empty = productive at once.',
      ),
    capacity: nonNegativeCountDistribution.describe(
      "Deals a fully ramped rep can close in a month (this year's figure, drawn once per trial). All the tier's new deals pass through it: demand beyond the ramped reps' capacity is lost or waits (overflow).",
    ),
    sourcedDealsPerMonth: countWithYearLevelMedian
      .optional()
      .describe(
        "Deals a fully ramped rep sources and closes on its own in a month, drawn per rep per trial (the spread across reps). Present: rep-driven (or hybrid, with leads). Each rep's monthly deals are Poisson with mean ramp x productivity. A lognormal's median may be a distribution of this year's median productivity, drawn once per trial (every rep scales by it).",
      ),
    overflow: z
      .enum(['lost', 'carry'])
      .default('lost')
      .describe('Deals beyond capacity in a month: lost, or carried to the next month (still capped there; what is left at year end is lost).'),
  })
  .superRefine(
    (r, ctx) => {
      // `when` runs this even when the value is not a mapping (a null, a string).
      if (r === null || typeof r !== 'object' || Array.isArray(r)) return;
      const part = Array.isArray(r.hires) ? r.hires.find((h) => typeof h === 'number' && !Number.isInteger(h)) : undefined;
      if (part !== undefined) ctx.addIssue({ code: 'custom', message: `hires are whole numbers of reps, got ${part}`, path: ['hires'] });
      const hired = Array.isArray(r.hires) ? r.hires.reduce((a, h) => a + (typeof h === 'number' ? h : 0), 0) : 0;
      if (typeof r.start === 'number' && r.start + hired > MAX_REPS)
        ctx.addIssue({ code: 'custom', message: `start plus hires is ${r.start + hired}; at most ${MAX_REPS.toLocaleString('en-US')} reps`, path: ['hires'] });
      const months = r.hireSlip?.months as unknown;
      if ((months === 0 || (months as { value?: unknown } | undefined)?.value === 0) && r.hireSlip)
        ctx.addIssue({ code: 'custom', message: 'a slip of 0 months is no slip: give at least 1', path: ['hireSlip', 'months'] });
    },
    { when: () => true },
  )
  .describe('Sales capacity: rep headcount, hiring, attrition, ramp and productivity.');

export type Reps = z.output<typeof repsSchema>;
