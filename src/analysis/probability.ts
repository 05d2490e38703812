import { Z95 } from './order-statistics.js';
import { binomialInterval } from '../math/binomial-interval.js';

/** A probability estimated from trials, with its Monte Carlo error. */
export interface Probability {
  readonly value: number;
  /** 95% interval: Wilson's score interval, widened to the exact ends at 0 to 3 hits or misses (EXACT_END_MAX_COUNT; CHANCE_INTERVAL names it); the value itself when nothing about it varied (certainProbability). */
  readonly interval: readonly [number, number];
  /** Binomial standard error sqrt(p(1 - p) / n). */
  readonly standardError: number;
}

/**
 * The share of n trials in which something happened (k of them), with a 95% Wilson score interval
 * (E. B. Wilson, JASA 22 (1927) 209-212), which stays inside [0, 1] and behaves at 0 and n, each end
 * widened to the exact one at 0 to 3 hits or misses (math/binomial-interval.ts, EXACT_END_MAX_COUNT).
 *
 * @example probability(80, 100) // => { value: 0.8, interval: [0.711, 0.867], standardError: 0.04 }
 * Complexity: O(1) (O(log(1 / p)) at 0 to 3 hits or misses).
 */
export function probability(k: number, n: number, z = Z95): Probability {
  const p = k / n;
  return { value: p, interval: binomialInterval(k, n, z), standardError: Math.sqrt((p * (1 - p)) / n) };
}

/**
 * The share of n trials in which something happened when nothing about it varied: the metric was the
 * same in every trial because the actuals close the year, so it is reported, not simulated, and the
 * chance, 0 or 1, has no Monte Carlo error. Its interval is the value itself:
 * the binomial one ([99.6%, 100.0%] of 1,000 trials) stood beside words that call it certain, and
 * its standard error is 0 either way.
 *
 * @example certainProbability(1000, 1000) // => { value: 1, interval: [1, 1], standardError: 0 }
 */
export function certainProbability(k: number, n: number): Probability {
  const p = k / n;
  return { value: p, interval: [p, p], standardError: 0 };
}

/**
 * What a chance's 95% interval is, in the words every output uses (report.html's and the workbook's
 * targets, monthly plan and comparison; summary.json's monteCarlo.probabilityIntervals says it at length).
 * Not Wilson's name alone: at 0 to 3 hits or misses an end can be the exact one.
 */
export const CHANCE_INTERVAL = '95% Wilson interval, exact ends at 0 to 3 hits or misses';

/**
 * What a chance known from the actuals is, in the words every output uses beside CHANCE_INTERVAL
 * where one is shown (certainProbability: its interval is the value itself, so a table writes -).
 */
export const KNOWN_CHANCE = "a closed month's or a closed year's chance is known from the actuals (no interval)";

/** A chance with no Monte Carlo error (certainProbability): its interval has no width. */
export const isKnownChance = (p: Probability): boolean => p.interval[0] === p.interval[1];

/**
 * The interval's name for a caption above chances, with KNOWN_CHANCE when some of them are known.
 *
 * @example chanceIntervalWords(true) // => `${CHANCE_INTERVAL}; ${KNOWN_CHANCE}`
 */
export const chanceIntervalWords = (someKnown: boolean): string => (someKnown ? `${CHANCE_INTERVAL}; ${KNOWN_CHANCE}` : CHANCE_INTERVAL);
