/**
 * A fitted rate as the scenario writes it: a beta by mean and sd that the schema accepts and the
 * sampler can draw, as close to the estimate as that allows, and a note when it is not the estimate.
 *
 * - The mean is kept within [MIN_MEAN, 1 - MIN_MEAN]: a conversion of 0.05% (1 deal in 2,000 leads) is
 *   written as it is, not raised to a floor that would multiply the tier's new business.
 * - The sd is at most 0.9 √(m(1 − m)) (a beta's sd is below √(m(1 − m))) and at least MIN_SD
 *   (a smaller one makes alpha and beta astronomically large), and never above the mean's own scale
 *   allows: with a mean near 0 or 1 the year-level spread the fit asked for may not fit.
 * - The mean is written to 4 significant digits, near 1 as 1 minus 4 significant digits of 1 − m,
 *   so it never rounds to 0 or 1.
 */

/** Smallest mean (and 1 minus the largest) written. */
export const MIN_MEAN = 1e-6;
/** Smallest sd written. */
const MIN_SD = 1e-7;

export interface WrittenBeta {
  readonly mean: number;
  readonly sd: number;
  /** Why the mean or sd written differs from the one fitted, for the comment above it; undefined when they agree. */
  readonly note?: string;
}

/**
 * @example writtenBeta(0.0005, 0.0002) // => { mean: 0.0005, sd: 0.0002 }
 * @example writtenBeta(0.999, 0.106).sd // => 0.0284 (the most a beta of mean 0.999 may have, 90% of √(m(1 − m)))
 */
export function writtenBeta(mean: number, sd: number): WrittenBeta {
  const m = roundMean(Math.min(1 - MIN_MEAN, Math.max(MIN_MEAN, mean)));
  const cap = 0.9 * Math.sqrt(m * (1 - m));
  const s = Number(Math.min(cap, Math.max(MIN_SD, sd)).toPrecision(3));
  const notes: string[] = [];
  if (Math.abs(m - mean) > 1e-3 * Math.min(mean, 1 - mean) + 5e-13 && (mean < MIN_MEAN || mean > 1 - MIN_MEAN))
    notes.push(`the mean is written ${m}, not the estimate ${mean}: a rate is kept within [${MIN_MEAN}, ${1 - MIN_MEAN}]`);
  if (sd > cap * 1.001)
    notes.push(`the sd is written ${s}, not ${Number(sd.toPrecision(3))}: a beta of mean ${m} can have an sd of at most √(m(1 − m)) = ${Number((cap / 0.9).toPrecision(3))}, and 90% of it is used`);
  return { mean: m, sd: s, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

/** 4 significant digits of m, or near 1 of 1 − m, so that it stays inside (0, 1). */
function roundMean(m: number): number {
  return m > 0.5 ? Number((1 - Number((1 - m).toPrecision(4))).toPrecision(12)) : Number(m.toPrecision(4));
}
