/**
 * The widest sd `arrcast fit` writes for a beta of mean m: 90% of √(m(1 − m)), which every beta's sd
 * is below (fit/written-beta.ts says why it carries the year's sd that far). One constant, so the
 * beta-piled-up warning (analysis/beta-piled-up.ts) knows a beta fit wrote at its cap, and fit's
 * file, which says so in its comment, validates without it.
 */
export const WRITTEN_SD_SHARE = 0.9;

/** 0.9 √(m(1 − m)). */
export const writtenSdCap = (m: number): number => WRITTEN_SD_SHARE * Math.sqrt(m * (1 - m));

/**
 * Whether `sd` is fit's cap for `mean` as fit writes it (3 significant digits, the mean's rounding
 * moving the cap by a few parts in 10,000): within 0.6% of it.
 */
export function isWrittenSdCap(mean: number, sd: number): boolean {
  return Math.abs(sd / writtenSdCap(mean) - 1) <= 0.006;
}
