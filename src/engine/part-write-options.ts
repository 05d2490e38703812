import { callback, optionsSchema } from './options-schema.js';
import { signalOption } from './simulate-options.js';

/** The one schema of writePartFile's options (PartWriteOptions, part-file.ts), checked before anything is written. */
export const partWriteOptionsSchema = optionsSchema({
  signal: signalOption,
  recheck: callback<() => Promise<void>>('a function, called just before the part is moved into place'),
});
