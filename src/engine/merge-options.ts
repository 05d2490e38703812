import { z } from 'zod';
import { optionsSchema } from './options-schema.js';
import { signalOption } from './simulate-options.js';

/**
 * The one schema of mergeParts' options (MergeOptions, merge.ts), checked before any part is read
 * (options-schema.ts checkOptions); `allowedRoots` keeps its own check (path-policy.ts
 * checkAllowedRoots, as loadScenario's).
 */
export const mergeOptionsSchema = optionsSchema({ signal: signalOption, allowedRoots: z.unknown() });
