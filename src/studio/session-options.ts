import { z } from 'zod';
import { optionsSchema, says } from '../engine/options-schema.js';
import { valueKind } from '../scenario/option-keys.js';
import { simulateOptionsSchema } from '../engine/simulate-options.js';

/**
 * The one schema of the studio session's options (SessionOptions, session.ts), checked before
 * anything is served (engine/options-schema.ts checkOptions): `trials` and `seed` as a run's
 * (simulate-options.ts), `confidence` a share strictly between 0 and 1 (1.5 or NaN started a studio
 * whose every answer was refused). `{ trial: 500 }` served the scenario's own trials without a word.
 */
export const sessionOptionsSchema = optionsSchema({
  trials: simulateOptionsSchema.shape.trials.unwrap(),
  seed: simulateOptionsSchema.shape.seed.unwrap(),
  confidence: z.number(says((v) => `must be a share between 0 and 1, not included (got ${typeof v === 'number' ? v : valueKind(v)})`)).gt(0).lt(1),
});
