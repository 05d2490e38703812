/** Most trials one run may ask for (scenario `trials` and --trials). */
export const MAX_TRIALS = 10_000_000;
