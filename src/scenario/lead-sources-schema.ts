import { z } from 'zod';
import { isOneLine, oneLineError } from './one-line.js';
import { monthlyProfile, rateDistribution, seasonalityProfile, volumeWithYearLevel } from './field-schemas.js';
import { humanNumber } from './human-number-schema.js';

const label = z.string().trim().min(1, { error: 'must not be empty' }).max(40, { error: 'at most 40 characters' }).refine(isOneLine, oneLineError);

/**
 * One stream of leads with its own volume and conversion: a lead grade (an SDR's A/B/C), a
 * channel (inbound, paid, events, partners), or both.
 */
export const leadSourceSchema = z
  .strictObject({
    grade: label.optional().describe('Lead grade, e.g. A, B, C.'),
    channel: label.optional().describe('Channel, e.g. inbound, paid, partner.'),
    leadsPerMonth: volumeWithYearLevel.describe("Leads of this source in an average month (as newBusiness.leadsPerMonth; a Poisson or negative binomial mean may be a distribution of this year's mean)."),
    conversion: rateDistribution.describe("This source's lead-to-deal conversion rate this year (drawn once per trial)."),
    seasonality: seasonalityProfile.optional().describe("This source's relative volume by fiscal month; default: the tier's seasonality."),
  })
  .superRefine(
    (s, ctx) => {
      if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
      if (s.grade === undefined && s.channel === undefined)
        ctx.addIssue({ code: 'custom', message: 'a lead source needs a grade, a channel, or both' });
    },
    { when: () => true },
  )
  .describe('A lead source: a grade and/or channel with its own volume and conversion.');

export type LeadSource = z.output<typeof leadSourceSchema>;

export { leadSourceName } from './lead-source-name.js';

/**
 * Open leads at the start of the year from earlier periods: not yet closed, still converting, at
 * their own (usually lower) rate.
 */
export const earlierLeadsSchema = z
  .strictObject({
    count: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole number of leads' })
        .nonnegative({ error: 'must be >= 0' })
        .max(1e8, { error: 'must be at most 1e8' }),
    ).describe('Open leads at the start of the year.'),
    conversion: rateDistribution.describe('Chance one of them becomes a deal this year (drawn once per trial).'),
    closeMonth: monthlyProfile.describe('Relative weight of each fiscal month as the close month of those that convert (12 values).'),
  })
  .superRefine(
    (e, ctx) => {
      if (e === null || typeof e !== 'object' || Array.isArray(e)) return;
      if (Array.isArray(e.closeMonth) && e.closeMonth.every((w) => typeof w === 'number') && e.closeMonth.every((w) => w === 0))
        ctx.addIssue({ code: 'custom', message: 'at least one month needs a weight above 0', path: ['closeMonth'] });
    },
    { when: () => true },
  )
  .describe('Leads from earlier periods that have not closed and keep converting.');
