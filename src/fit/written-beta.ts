import { WRITTEN_SD_SHARE, writtenSdCap } from '../math/written-beta-cap.js';

/**
 * A fitted rate as the scenario writes it: a beta by mean and sd that the schema accepts and the
 * sampler can draw, as close to the estimate as that allows, and a note when it is not the estimate.
 *
 * - The mean is kept within [MIN_MEAN, 1 - MIN_MEAN]: a conversion of 0.05% (1 deal in 2,000 leads) is
 *   written as it is, not raised to a floor that would multiply the tier's new business.
 * - The sd is at most 0.9 √(m(1 − m)) (a beta's sd is below √(m(1 − m))) and at least MIN_SD
 *   (a smaller one makes alpha and beta astronomically large). With a mean near 0 or 1 the
 *   year-level sd the fit asked for may not fit: the mean is then moved toward ½ just as far as
 *   carrying that sd needs (a rate of 100% has no spread at all), and the sd kept.
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
  /** Present when the mean was moved from the estimate toward ½ so that its beta can carry the sd. */
  readonly moved?: true;
}

/**
 * The mean nearest the estimate whose beta can carry the sd asked for: the estimate when
 * 0.9 √(e(1 − e)) ≥ sd, else the root of 0.9 √(m(1 − m)) = sd on the estimate's side of ½,
 * m = ½ ± √(¼ − (sd / 0.9)²) (the highest mean below an estimate near 1, the lowest above one near 0).
 * A rate of exactly 100% is so written below it by about (sd / 0.9)², not at a posterior mean far
 * lower: 12 months renewing all with a year-level sd of 5.95% write 99.56% (the Jeffreys posterior
 * mean, written before, was 96.15%, while a month at 99.9% wrote 99.99%: a cliff), and a 99.99%
 * estimate with a 3-point drift writes 99.89% with its sd whole, not the sd cut to 0.8 points.
 * When no mean can carry the sd (above 0.45), the sd is cut instead, and the note says so.
 *
 * @example writtenBeta(0.0005, 0.0002) // => { mean: 0.0005, sd: 0.0002 }
 * @example writtenBeta(1, 0.0595).mean // => 0.99561 (0.9 √(m(1 − m)) = 0.0595 at m = 0.9956100, 1 − m rounded up to 4 digits)
 * Complexity: O(1).
 */
export function writtenBeta(mean: number, sd: number): WrittenBeta {
  const estimate = Math.min(1 - MIN_MEAN, Math.max(MIN_MEAN, mean));
  const want = Number(Math.max(MIN_SD, sd).toPrecision(3));
  const notes: string[] = [];
  let m = roundMean(estimate);
  const k = want / WRITTEN_SD_SHARE;
  const moved = cap(m) < want && k < 0.5;
  if (moved) {
    // The distance from the near end, rounded up to 4 significant digits so the cap still holds.
    const d = ceil4((1 - Math.sqrt(1 - 4 * k * k)) / 2);
    m = estimate > 0.5 ? Number((1 - d).toPrecision(12)) : d;
    notes.push(
      `the mean is written ${m}, not the estimate ${mean}: ${mean <= 0 || mean >= 1 ? `a beta of mean ${mean} has no spread, and this year's sd is ${want}` : `a beta of mean ${roundMean(estimate)} can have an sd of at most 0.9 √(m(1 − m)) = ${Number(cap(roundMean(estimate)).toPrecision(3))}, less than this year's sd ${want}`}; ${m} is the mean nearest the estimate whose beta carries it (0.9 √(m(1 − m)) = ${want})`,
    );
  } else if (Math.abs(m - mean) > 1e-3 * Math.min(mean, 1 - mean) + 5e-13 && (mean < MIN_MEAN || mean > 1 - MIN_MEAN))
    notes.push(`the mean is written ${m}, not the estimate ${mean}: a rate is kept within [${MIN_MEAN}, ${1 - MIN_MEAN}]`);
  const s = Number(Math.min(cap(m), want).toPrecision(3));
  if (want > cap(m) * 1.001)
    notes.push(`the sd is written ${s}, not ${Number(sd.toPrecision(3))}: a beta of mean ${m} can have an sd of at most √(m(1 − m)) = ${Number((cap(m) / 0.9).toPrecision(3))}, and 90% of it is used`);
  return { mean: m, sd: s, ...(notes.length > 0 ? { note: notes.join('; ') } : {}), ...(moved ? { moved: true as const } : {}) };
}

/** The largest sd written for a beta of mean m: 90% of √(m(1 − m)), which every beta's sd is below. */
const cap = writtenSdCap;

/** x rounded up to 4 significant digits. */
function ceil4(x: number): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - 3);
  return Number((Math.ceil(x / unit - 1e-9) * unit).toPrecision(4));
}

/** 4 significant digits of m, or near 1 of 1 − m, so that it stays inside (0, 1). */
function roundMean(m: number): number {
  return m > 0.5 ? Number((1 - Number((1 - m).toPrecision(4))).toPrecision(12)) : Number(m.toPrecision(4));
}
