import { z } from 'zod';
import { amountWithYearLevel, rateDistribution } from './field-schemas.js';
import { humanNumber } from './human-number-schema.js';
import { percentHint, UNIT_INTERVAL } from './percent-hint.js';
import { quoteText } from './display-text.js';
import { nameKey } from './name-key.js';

const fiscalMonth = humanNumber(
  z
    .number()
    .int({ error: 'must be a whole fiscal month' })
    .min(1, { error: 'must be a fiscal month from 1 to 12' })
    .max(12, { error: 'must be a fiscal month from 1 to 12' }),
  'fiscalMonth',
);

/** A group of like open opportunities, when the pipeline is given as aggregates. */
export const pipelineGroupSchema = z
  .strictObject({
    count: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole number of opportunities' })
        .nonnegative({ error: 'must be >= 0' })
        .max(1e7, { error: 'must be at most 1e7' }),
    ),
    winProbability: rateDistribution.describe('Chance each opportunity is won (drawn once per trial; moves with the conversion loading and a conversion stress, except a value drawn as exactly 0 or 1 in the trial, which stays certain: a discrete [0.5, 1] keeps 1 in the trials that draw 1).'),
    closeMonth: fiscalMonth.describe('Fiscal month the group is expected to close in.'),
    amount: amountWithYearLevel
      .optional()
      .describe("ACV of each won opportunity, drawn per deal; default: the tier's acv. A lognormal's median may be a distribution of this year's median, drawn once per trial."),
  })
  .describe('Like open opportunities: count, win probability, expected close month.');

/**
 * Opportunities open at the start of the year: each closes (won) or not in its expected month. Given
 * as groups, or as a CSV file of opportunities (path relative to the scenario file).
 */
export const openingPipelineSchema = z
  .strictObject({
    file: z
      .string()
      .trim()
      .min(1, { error: 'must name a file' })
      .optional()
      .describe('CSV of open opportunities: id, tier, amount, probability or stage, close_month (fiscal month 1..12 or a date).'),
    stages: z
      .record(
        // Keys as written (not trimmed here: two that trim alike would merge into one before the check below).
        z.string().min(1).refine((name) => name.trim() !== '', { error: 'a stage needs a name' }),
        humanNumber(z.number().finite().min(0, { error: (iss) => `a stage probability is in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` }).max(1, { error: (iss) => `a stage probability is in [0, 1]${percentHint(iss.input, UNIT_INTERVAL)}` })),
      )
      .optional()
      .describe('Win probability of each stage name the file uses, e.g. { discovery: 0.1, proposal: 0.35, commit: 0.8 }.'),
    groups: z.array(pipelineGroupSchema).max(1000, { error: 'at most 1,000 groups' }).optional(),
  })
  .superRefine(
    (p, ctx) => {
      // `when` runs this even when the value is not a mapping (a null, a string).
      if (p === null || typeof p !== 'object' || Array.isArray(p)) return;
      if (p.file === undefined && p.groups === undefined)
        ctx.addIssue({ code: 'custom', message: 'an opening pipeline needs a file or groups' });
      if (p.stages !== undefined && p.file === undefined)
        ctx.addIssue({ code: 'custom', message: 'stages name the stages of a pipeline file: give file too', path: ['stages'] });
      // The file's stage cells are matched ignoring case, surrounding spaces and Unicode form (NFC and
      // NFD, as tier names): two names that match alike would give every such row the probability of
      // whichever came last, or of the one its bytes happen to spell.
      const stages = p.stages;
      if (stages !== null && typeof stages === 'object') {
        const seen = new Map<string, string>();
        for (const name of Object.keys(stages)) {
          const key = nameKey(name);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, name);
          else
            ctx.addIssue({
              code: 'custom',
              message: `stage ${quoteText(name)} is stage ${quoteText(first)} again: the file's stages are matched ignoring case and surrounding spaces${first.trim().toLowerCase() === name.trim().toLowerCase() ? '' : ', and in NFC form (other Unicode characters that read the same)'}, so give each stage once`,
              path: ['stages', name],
            });
        }
      }
    },
    { when: () => true },
  )
  .describe('Opportunities open at the start of the year, won or lost in their expected close month.');

export type OpeningPipeline = z.output<typeof openingPipelineSchema>;
