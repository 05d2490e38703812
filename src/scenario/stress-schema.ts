import { z } from 'zod';
import { humanNumber } from './human-number-schema.js';
import { percentHint } from './percent-hint.js';

/**
 * Stress overlays: deliberate shifts of the drivers, for downside and upside cases ("leads -20%,
 * renewal -5 points"), applied in every trial on top of the drawn drivers and the market shift.
 * Volumes change relatively; rates shift additively, in points of the rate, and are clamped to
 * [0, 1]; a rate drawn as exactly 0 or 1 in a trial is certain and stays so. The model applies them
 * through `trialRate` in `model/market.ts`.
 */

const relative = humanNumber(
  z
    .number()
    .finite()
    .min(-1, { error: 'a relative change must be at least -1 (-1 = none at all)' })
    .max(10, { error: 'a relative change must be at most 10 (11 times the plan)' }),
);

const points = humanNumber(
  z
    .number()
    .finite()
    .min(-1, { error: (iss) => `a shift of a rate must be between -1 and 1 (-0.05 = 5 points lower)${percentHint(iss.input, { min: -1, max: 1 })}` })
    .max(1, { error: (iss) => `a shift of a rate must be between -1 and 1 (-0.05 = 5 points lower)${percentHint(iss.input, { min: -1, max: 1 })}` }),
);

export const stressSchema = z
  .strictObject({
    leads: relative
      .optional()
      .describe('Relative change in leads (and in rep-sourced deals), every month: -0.2 = 20% fewer (the mean lead count x 0.8).'),
    acv: relative.optional().describe("Relative change in every new deal's ACV: -0.1 = deals 10% smaller."),
    conversion: points
      .optional()
      .describe("Shift of this year's conversion rate, in points of the rate: -0.005 = half a point lower (3% becomes 2.5%)."),
    renewal: points.optional().describe("Shift of this year's renewal rate, in points: -0.05 = 5 points lower (86% becomes 81%)."),
    contraction: points
      .optional()
      .describe('Shift of the contraction probability, in points: +0.03 = 3 points more renewing customers contract.'),
    expansion: points
      .optional()
      .describe('Shift of the expansion probability of existing and of new customers, in points: -0.05 = 5 points fewer expand.'),
  })
  .describe(
    'Stress: shifts of the drivers in every trial, after the market shift. leads and acv are relative changes (x (1 + s)); conversion, renewal, contraction and expansion add s to the rate and clamp it to [0, 1], except a rate drawn as exactly 0 or 1 in the trial, which stays certain (as the market leaves it). A tier\'s own stress combines with the scenario\'s: relative changes multiply, shifts add.',
  );

export type Stress = z.output<typeof stressSchema>;
