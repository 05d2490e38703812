import { chiSquareQuantileWilsonHilferty } from '../fit/reference-distributions.js';

/** From this many chains on, the spread of their means judges the company figures' effective sample. */
export const MIN_CHAINS_TO_JUDGE = 10;

/**
 * How often a well-mixed run (independent draws) is said to have too-narrow intervals: 0.1%, shared
 * by the three company figures (0.1%/3 each, Bonferroni).
 */
export const FALSE_ALARM_RATE = 0.001;

/** How many times too narrow a re-forecast's Monte Carlo intervals are, and from which evidence. */
export interface IntervalWidening {
  /** The larger of what the drivers' effective sample implies and (when judged) what the company figures' does. */
  readonly factor: number;
  /** Which of the two set the factor. */
  readonly from: 'drivers' | 'figures';
  /** Whether there were enough chains (MIN_CHAINS_TO_JUDGE) to judge the company figures' effective sample. */
  readonly figuresJudged: boolean;
  /** Whether the company figures' chains' means spread more than independent draws would, beyond FALSE_ALARM_RATE. */
  readonly figuresTooNarrow: boolean;
}

/**
 * The widening of a re-forecast's intervals (they take the trials as independent): sqrt(trials /
 * effective sample), from the smallest driver's effective sample and, with 10 or more chains, from
 * the company figures' (chainsEffectiveSampleSize). With fewer chains their means' spread has too
 * few degrees of freedom to say anything (2 chains gave 2.1 to 44 across 16 seeds of one case).
 * For independent draws trials / (the figures' effective sample) is about χ²(C − 1)/(C − 1) for C
 * chains, so the figures are called too narrow only past that distribution's 1 − 0.1%/3 quantile:
 * a bare 2 (χ²₁ > 4) was passed by 4.3% of well-mixed runs of 2,000 trials.
 *
 * @example intervalWidening(2000, 2, 7, 1900) // => { factor: 16.9, from: 'drivers', figuresJudged: false, figuresTooNarrow: false }
 */
export function intervalWidening(trials: number, chains: number, minDriverEss: number, minFigureEss: number): IntervalWidening {
  const drivers = Math.sqrt(trials / Math.max(1, Math.min(trials, minDriverEss)));
  const figuresJudged = chains >= MIN_CHAINS_TO_JUDGE;
  if (!figuresJudged) return { factor: drivers, from: 'drivers', figuresJudged, figuresTooNarrow: false };
  const squared = trials / Math.max(1, Math.min(trials, minFigureEss));
  const df = chains - 1;
  const figuresTooNarrow = squared > chiSquareQuantileWilsonHilferty(1 - FALSE_ALARM_RATE / 3, df) / df;
  const figures = Math.sqrt(squared);
  return figures > drivers ? { factor: figures, from: 'figures', figuresJudged, figuresTooNarrow } : { factor: drivers, from: 'drivers', figuresJudged, figuresTooNarrow };
}
