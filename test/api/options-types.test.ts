import { expect, it } from 'vitest';
import type { z } from 'zod';
import type { AgreesWithSchema } from '../../src/engine/options-schema.js';
import type { simulateOptionsSchema } from '../../src/engine/simulate-options.js';

/**
 * The options interfaces (which carry each option's documentation) are checked by the compiler
 * against their schemas' types beside each (`void (true satisfies AgreesWithSchema<SimulateOptions,
 * z.infer<typeof simulateOptionsSchema>>)` in simulate.ts, and so for ShardOptions, EngineOptions,
 * MergeOptions, PartWriteOptions, SummaryOptions, SessionOptions): keys and types, not only the keys
 * as before. These lines pin what the check catches; tsc (tsconfig.json includes test/) fails if it
 * stops catching one (an unused @ts-expect-error is an error).
 */
type Simulate = z.infer<typeof simulateOptionsSchema>;

it('an interface whose option is of another type than its schema says does not agree', () => {
  // @ts-expect-error trials typed string in the interface, number in the schema
  const trials: AgreesWithSchema<{ readonly trials?: string }, Pick<Simulate, 'trials'>> = true;
  // @ts-expect-error a callback with other arguments (the schema's onProgress is (done, total))
  const callback: AgreesWithSchema<{ readonly onProgress?: (done: string) => void }, Pick<Simulate, 'onProgress'>> = true;
  // @ts-expect-error a key the schema does not have
  const extra: AgreesWithSchema<{ readonly trials?: number; readonly trails?: number }, Pick<Simulate, 'trials'>> = true;
  // @ts-expect-error a key the interface does not have
  const missing: AgreesWithSchema<{ readonly trials?: number }, Pick<Simulate, 'trials' | 'seed'>> = true;
  const same: AgreesWithSchema<{ readonly trials?: number; readonly seed?: string | number }, Pick<Simulate, 'trials' | 'seed'>> = true;
  // The schema's refused keys (simulate's shard, typed never) are not asked of the interface.
  const refused: AgreesWithSchema<{ readonly trials?: number }, Pick<Simulate, 'trials' | 'shard'>> = true;
  expect([trials, callback, extra, missing, same, refused]).toEqual([true, true, true, true, true, true]);
});
