import { MAX_TRIALS } from '../scenario/limits.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';
import { simulate, SIMULATE_OPTION_KEYS, type SimulateOptions, type Simulation } from '../engine/simulate.js';
import { checkOptionKeys } from '../engine/option-keys.js';
import { valueKind } from '../scenario/option-keys.js';
import { RunOptionError, TrialsOverMemoryError } from '../engine/errors.js';
import { describe } from './describe.js';
import { intervalMinTrials } from './order-statistics.js';

/** The percentiles of recognized revenue whose Monte Carlo error `--precision` bounds. */
const WATCHED = ['p10', 'p50', 'p90'] as const;

export interface PrecisionReport {
  /** The asked-for bound: 95% interval half-width / value, e.g. 0.005. */
  readonly target: number;
  /** True when the intervals could be estimated (trials >= minTrials) and every relative half-width is at most the target. */
  readonly reached: boolean;
  /**
   * The fewest trials from which the 95% intervals of P10, P50 and P90 can be estimated. With
   * fewer, an interval's order statistics run past the smallest or largest trial, and with 1 trial
   * every interval is a point: a half-width of 0% would mean nothing, so the target is not reached.
   */
  readonly minTrials: number;
  /** Trials the run ended with, and the trial counts it went through. */
  readonly trials: number;
  readonly steps: readonly number[];
  /**
   * Relative half-width of the 95% interval of revenue's P10, P50 and P90 at the end; null for a
   * percentile whose interval cannot be estimated from so few trials (below minTrials for P10/P90).
   */
  readonly relativeHalfWidths: Readonly<Record<(typeof WATCHED)[number], number | null>>;
  /** Present when a width is null: a sentence saying why (README, "Not estimable"). */
  readonly notEstimable?: string;
  /**
   * Present when the time limit (maxMinutes, --max-minutes) ended the run before the target and
   * maxTrials: the next step, of that many trials, was estimated over it.
   */
  readonly overTimeLimit?: { readonly nextTrials: number };
  /**
   * Present when the next step's per-trial results would not fit in this machine's memory (the
   * check every run makes before it starts): the run ended with the steps before it.
   */
  readonly overMemoryLimit?: { readonly nextTrials: number };
}

export interface PrecisionOptions extends Omit<SimulateOptions, 'trials' | 'resumeFrom'> {
  /** Relative half-width to reach, in (0, 1): 0.005 for 0.5%. */
  readonly precision: number;
  /** First trial count; default 10,000. */
  readonly startTrials?: number;
  /** Cap; default 1,000,000. */
  readonly maxTrials?: number;
  /** Run the steps on this engine's warm pool (createEngine) instead of a pool per step. */
  readonly engine?: { simulate(loaded: LoadedScenario, options: SimulateOptions): Promise<Simulation> };
}

/**
 * The keys simulateToPrecision reads: simulate's, but trials and resumeFrom (its steps set them; a
 * `trials` given was overwritten by the first step's without a word), and its own. Checked here, a
 * misspelt key is refused naming these, not simulate's options.
 */
const PRECISION_OPTION_KEYS: readonly string[] = [
  ...SIMULATE_OPTION_KEYS.filter((k) => k !== 'trials' && k !== 'resumeFrom'),
  ...Object.keys({ precision: true, startTrials: true, maxTrials: true, engine: true } as const satisfies Record<Exclude<keyof PrecisionOptions, keyof SimulateOptions>, true>),
];

/**
 * The fewest trials n for which the distribution-free 95% interval of every watched percentile
 * lies inside the sample (intervalMinTrials: exact binomial ranks, each end missing at most 2.5% of
 * the time, the lowest rank at least 1 and the highest at most n).
 *
 * @example minTrialsForIntervals() // => 36 (P10 and P90 need the most: 0.9^36 <= 2.5%; P50 alone needs 6)
 * Complexity: O(answer).
 */
export function minTrialsForIntervals(percentiles: readonly number[] = WATCHED.map((k) => Number(k.slice(1)) / 100)): number {
  return Math.max(...percentiles.map(intervalMinTrials));
}

function halfWidths(sim: Simulation): PrecisionReport['relativeHalfWidths'] {
  const s = describe(sim.store.column('revenue')!)!;
  const rel = (k: (typeof WATCHED)[number]) => {
    // One trial, or too few for the interval to lie inside the sample, has no interval: its width
    // is null, not the 0 of a point, which would read as precise.
    const interval = s.percentileIntervals?.[k];
    if (!interval) return null;
    const [lo, hi] = interval;
    const half = (hi - lo) / 2;
    // A percentile of exactly 0 has no relative error to speak of: precise only if its interval is a point.
    return s.percentiles[k] === 0 ? (half === 0 ? 0 : Infinity) : half / Math.abs(s.percentiles[k]);
  };
  return { p10: rel('p10'), p50: rel('p50'), p90: rel('p90') };
}

/** The widths and, when one is null, why (summary.json's notEstimable convention). */
function widthsOf(sim: Simulation, trials: number): Pick<PrecisionReport, 'relativeHalfWidths' | 'notEstimable'> {
  const relativeHalfWidths = halfWidths(sim);
  const missing = WATCHED.filter((k) => relativeHalfWidths[k] === null);
  if (missing.length === 0) return { relativeHalfWidths };
  const needs = missing.map((k, i) => `${intervalMinTrials(Number(k.slice(1)) / 100).toLocaleString('en-US')}${i === 0 ? ' trials' : ''} for ${k.toUpperCase()}`);
  const list = needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join(', ')} and ${needs.at(-1)}`;
  return { relativeHalfWidths, notEstimable: `${trials.toLocaleString('en-US')} trial${trials === 1 ? '' : 's'}: a 95% interval needs at least ${list}` };
}

/**
 * Simulate until the 95% intervals of revenue's P10, P50 and P90 each have a half-width (half the
 * distance between its ends; an interval need not be centred) of at most `precision` of its value, doubling the trials (in whole chunks, keeping the chunks already run) up to a cap. The
 * steps depend only on the options and the results, so the outcome is the same for any number of
 * workers, and identical to a plain run of the trial count it ends with.
 *
 * @example await simulateToPrecision(loaded, { precision: 0.005 }) // ends when the P10/P50/P90's interval half-widths are at most 0.5% of them
 */
export async function simulateToPrecision(loaded: LoadedScenario, options: PrecisionOptions): Promise<{ sim: Simulation; precision: PrecisionReport }> {
  checkOptionKeys(options, PRECISION_OPTION_KEYS, 'simulateToPrecision', ['shard']);
  // No options failed as a TypeError ("Cannot destructure property 'precision'"); none is the one required.
  if (options?.precision === undefined)
    throw new RunOptionError('precision', 'is required: simulateToPrecision(loaded, { precision }) simulates until the 95% intervals of revenue\'s P10, P50 and P90 have half-widths of at most this share of their values, a share between 0 and 1 (0.01 for 1%)');
  const { precision, startTrials = 10_000, maxTrials = 1_000_000, engine, ...rest } = options;
  const run = engine ? (l: LoadedScenario, o: SimulateOptions) => engine.simulate(l, o) : simulate;
  // A string ('0.01') compared as a number and passed; 1 (meaning 1%) was refused only as 100%.
  if (!(typeof precision === 'number' && precision > 0 && precision < 1))
    throw new RunOptionError('precision', `must be a share between 0 and 1, 0.01 for 1% (got ${typeof precision === 'number' ? precision : valueKind(precision)})`);
  if (!Number.isInteger(maxTrials) || maxTrials < 1 || maxTrials > MAX_TRIALS)
    throw new RunOptionError('max-trials', `must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}`);
  // A string ('2000') was compared as a number, and a fraction or NaN silently rounded or ran the cap.
  if (!(Number.isInteger(startTrials) && startTrials >= 1 && startTrials <= MAX_TRIALS))
    throw new RunOptionError('trials', `the first step's trials (startTrials) must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${typeof startTrials === 'number' ? startTrials : valueKind(startTrials)})`, undefined, { path: ['startTrials'] });
  if (engine !== undefined && (engine === null || typeof engine !== 'object' || typeof engine.simulate !== 'function'))
    throw new RunOptionError('engine', `must be an engine of createEngine (got ${valueKind(engine)})`, true);
  const roundUp = (n: number) => Math.min(maxTrials, Math.ceil(n / CHUNK_SIZE) * CHUNK_SIZE);
  let trials = roundUp(Math.max(1, startTrials));
  const steps: number[] = [];
  let sim: Simulation | undefined;
  const minTrials = minTrialsForIntervals();
  for (;;) {
    const previous = sim;
    try {
      sim = await run(loaded, { ...rest, trials, resumeFrom: sim });
    } catch (err) {
      // The time and memory limits are checked before a step simulates anything: a first step over
      // one is refused (nothing was run), a later one ends the run with the trials already
      // simulated, which it would otherwise throw away.
      const overTime = err instanceof RunOptionError && err.option === 'max-minutes';
      const overMemory = err instanceof TrialsOverMemoryError;
      if (!(previous && (overTime || overMemory))) throw err;
      const last = steps.at(-1)!;
      const limit = overMemory ? { overMemoryLimit: { nextTrials: trials } } : { overTimeLimit: { nextTrials: trials } };
      return { sim: previous, precision: { target: precision, reached: false, minTrials, trials: last, steps, ...widthsOf(previous, last), ...limit } };
    }
    steps.push(trials);
    const widths = widthsOf(sim, trials);
    const reached = trials >= minTrials && WATCHED.every((k) => widths.relativeHalfWidths[k] !== null && widths.relativeHalfWidths[k] <= precision);
    if (reached || trials >= maxTrials) return { sim, precision: { target: precision, reached, minTrials, trials, steps, ...widths } };
    trials = roundUp(trials * 2);
  }
}
