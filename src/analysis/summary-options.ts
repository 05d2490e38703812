import { z } from 'zod';
import { optionsSchema, rule } from '../engine/options-schema.js';
import { valueKind } from '../scenario/option-keys.js';

/**
 * The one schema of summarize's options (SummaryOptions, summarize.ts), checked before anything is
 * described (engine/options-schema.ts checkOptions). `confidence` keeps its own check and RangeError
 * (decisions: "confidence must be a share between 0 and 1, not included"), `targets` theirs
 * (targets-option.ts: a RunOptionError naming the target's field), `plan` its own (plan-summary.ts,
 * against the run's re-forecast). `precision` is copied into summary.json as given: `precision: 5`
 * wrote `"precision": 5` there, and `prepared: 5` was ignored without a word.
 */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isWhole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const summaryOptionsSchema = optionsSchema({
  confidence: z.unknown(),
  targets: z.unknown(),
  precision: rule<unknown>((v) =>
    isObject(v) && typeof v.target === 'number' && typeof v.reached === 'boolean' && isWhole(v.minTrials) && isWhole(v.trials) && Array.isArray(v.steps) && isObject(v.relativeHalfWidths)
      ? undefined
      : `must be a precision report as simulateToPrecision returns it ({ target, reached, minTrials, trials, steps, relativeHalfWidths }; got ${valueKind(v)}${isObject(v) ? ' of another shape' : ''})`,
  ),
  prepared: rule<unknown>((v) =>
    isObject(v) && isObject(v.inputs) && isObject(v.revenue)
      ? undefined
      : `must be the attribution prepareAttribution computed while the run went on (got ${valueKind(v)}${isObject(v) ? ' of another shape' : ''})`,
  ),
  plan: z.unknown(),
});
