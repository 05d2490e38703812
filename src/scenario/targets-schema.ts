import { z } from 'zod';
import { isOneLine, oneLineError } from './one-line.js';
import { monthlyAmounts } from './field-schemas.js';
import { MAX_MAGNITUDE } from './distribution-schema.js';
import { humanNumber } from './human-number-schema.js';
import { TARGET_METRICS } from './metric-meant.js';

/** A target on a yearly metric: the plan's number, for the whole company or one tier. */
export const metricTargetSchema = z
  .strictObject({
    // A misspelt metric is answered as --target answers it (zod-issues' nearest uses metricMeant):
    // `arr` and `ending_arr` mean endingArr.
    metric: z
      .enum(TARGET_METRICS)
      .describe('revenue = recognized revenue of the year.'),
    value: humanNumber(z.number().finite().nonnegative().max(MAX_MAGNITUDE, { error: 'must be at most 1e15' }), 'amount').describe('The number to reach or beat (currency).'),
    tier: z.string().min(1).optional().describe('A tier name; omitted = the whole company.'),
    label: z.string().min(1).max(80).refine(isOneLine, oneLineError).optional().describe('How to call it in tables and charts, e.g. "Board plan".'),
  })
  .describe('Reach or beat `value` of `metric` (for a tier, or the whole company).');

/** Monthly plan lines, drawn on the fan chart and checked month by month. */
export const monthlyPlanSchema = z
  .strictObject({
    mrr: monthlyAmounts.optional().describe('Planned MRR in each fiscal month (currency).'),
    cumulativeRevenue: monthlyAmounts.optional().describe('Planned recognized revenue from the start of the year to the end of each fiscal month.'),
  })
  .describe('The plan month by month.');

/** Most targets a scenario file lists (`targets.metrics`); a caller may add more (callerTargetsSchema). */
export const MAX_FILE_TARGETS = 50;

export const targetsSchema = z
  .strictObject({
    metrics: z.array(metricTargetSchema).max(MAX_FILE_TARGETS).default([]),
    monthly: monthlyPlanSchema.optional(),
  })
  .describe('Targets to test the forecast against: P(reaching each), the joint probability, and shortfalls.');

/**
 * A caller's targets (summarize's option, the CLI's scenario targets with every --target): checked
 * as a scenario's are, without the scenario file's cap of 50 on its own list (51 targets in all
 * failed a run after its whole simulation).
 */
export const callerTargetsSchema = z.strictObject({
  metrics: z.array(metricTargetSchema).default([]),
  monthly: monthlyPlanSchema.optional(),
});

export type MetricTarget = z.output<typeof metricTargetSchema>;
export type Targets = z.output<typeof targetsSchema>;
