import { z } from 'zod';
import { humanNumber } from './human-number-schema.js';

const logOdds = humanNumber(
  z
    .number()
    .finite()
    .min(-5, { error: 'an adjustment is in log-odds, between -5 and 5' })
    .max(5, { error: 'an adjustment is in log-odds, between -5 and 5' }),
  'units',
);

/**
 * How a customer's chance of renewing departs from its tier's rate, on the log-odds scale:
 * logit(p_i) = logit(rate) + perArrDoubling x log2(ARR_i / median ARR)
 *            + firstRenewal [no renewal completed] + perRenewalAfterFirst x (min(renewals, 5) - 1)+
 *            + health x (health_i - mean health).
 * The tier's renewalRate is therefore that of a reference customer: median ARR, one renewal behind
 * it, average health. 0.4 in log-odds moves 85% to about 89%.
 */
export const renewalAdjustmentsSchema = z
  .strictObject({
    perArrDoubling: logOdds.default(0).describe("Per doubling of the customer's ARR above its tier's median (larger contracts renew more: > 0)."),
    firstRenewal: logOdds.default(0).describe('Added for a customer that has not renewed yet (the first renewal is the riskiest: < 0).'),
    perRenewalAfterFirst: logOdds
      .default(0)
      .describe('Per renewal completed beyond the first, counting up to 5 (loyalty: > 0).'),
    health: logOdds
      .default(0)
      .describe("Per unit of health score (0..1) above the book's average; customers without a score count as average."),
  })
  .describe("Per-customer renewal adjustments, in log-odds, for a book read from a file. The trial's market factor moves every customer together.");

export type RenewalAdjustments = z.output<typeof renewalAdjustmentsSchema>;
