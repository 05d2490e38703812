import { z } from 'zod';
import { got, optionsSchema, says } from './options-schema.js';
import { MAX_WORKERS } from './simulate-options.js';

/**
 * The one schema of createEngine's options (EngineOptions, engine.ts): checked before a thread
 * starts (options-schema.ts checkOptions). An engine's runs take simulate's and simulateShard's
 * (simulate-options.ts).
 */
export const engineOptionsSchema = optionsSchema({
  workers: z.number(says((v) => `an engine needs a whole number of worker threads from 1 to ${MAX_WORKERS} (got ${got(v)})`)).int().min(1).max(MAX_WORKERS),
  tierCacheBytes: z.number(says((v) => `must be a whole number of bytes >= 0 (got ${typeof v === 'number' ? String(v) : got(v)})`)).int().min(0),
});
