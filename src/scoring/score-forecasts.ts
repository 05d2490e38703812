import { METRICS, type Metric } from '../model/components.js';
import { coverage, ksUniformRanges, pitRangeHistogram, rangeCalibrationCurve, type CalibrationPoint, type Coverage } from './calibration.js';
import type { Outcome } from './outcomes-file.js';
import { scoreSample, type SampleScore } from './score-sample.js';
import type { NotScored } from './not-scored.js';

/** One outcome with its forecast's score. */
export interface ScoredOutcome extends Outcome, SampleScore {
  /** The outcome as compared with the trials (`value` at the precision they were stored): what the PIT, CRPS and pinball losses are of. */
  readonly scoredValue: number;
}

/** The scores of one metric (or of all outcomes) across reports and tiers. */
export interface ScoreGroup {
  readonly outcomes: number;
  /** Mean CRPS and pinball losses, in the currency: comparable between forecasts of the same figures. */
  readonly meanCrps: number;
  readonly meanPinball10: number;
  readonly meanPinball50: number;
  readonly meanPinball90: number;
  /** Mean interval score of P10-P90, in the currency (lower is better). */
  readonly meanIntervalScore80: number;
  /** Share of outcomes inside P10-P90 (nominal 80%); an outcome that ties with trials counts the share of its PIT's range inside [0.1, 0.9]. */
  readonly coverage: Coverage;
  /** PITs in tenths (an outcome that ties with trials spread over its PIT's range: counts may be fractions). */
  readonly pitHistogram: readonly number[];
  /** Share below each nominal percentile. */
  readonly calibration: readonly CalibrationPoint[];
  /** KS test of the PITs against uniform. */
  readonly ks: { readonly d: number; readonly pValue: number; readonly n: number };
}

export interface ScoreResult {
  readonly outcomes: readonly ScoredOutcome[];
  readonly all: ScoreGroup;
  readonly byMetric: Partial<Record<Metric, ScoreGroup>>;
  /** Reports whose company total the outcomes could not give (a year's file without rows for some of their tiers): said in every output. */
  readonly notScored: readonly NotScored[];
}

/**
 * Score every outcome against its forecast sample (`sortedSample(outcome)`, ascending), then sum
 * up across reports and tiers: all outcomes, and each metric apart (CRPS and pinball losses are in
 * money: averaged over one metric's figures they compare forecasts, across metrics they mix scales).
 * `scoredValue` gives the outcome at the precision the sample was stored (a report's trials:
 * ReportTrials.stored), so that an outcome equal to a trial ties with it; the outcome itself is kept.
 *
 * Complexity: O(Σ trials) after the sorts, plus O(outcomes × levels).
 */
export function scoreForecasts(
  outcomes: readonly Outcome[],
  sortedSample: (o: Outcome) => ArrayLike<number>,
  scoredValue: (o: Outcome) => number = (o) => o.value,
  notScored: readonly NotScored[] = [],
): ScoreResult {
  const scored = outcomes.map((o) => {
    const at = scoredValue(o);
    return { ...o, scoredValue: at, ...scoreSample(sortedSample(o), at) };
  });
  const byMetric: Partial<Record<Metric, ScoreGroup>> = {};
  for (const m of METRICS) {
    const of = scored.filter((s) => s.metric === m);
    if (of.length > 0) byMetric[m] = group(of);
  }
  return { outcomes: scored, all: group(scored), byMetric, notScored };
}

function group(scored: readonly ScoredOutcome[]): ScoreGroup {
  const n = scored.length;
  const mean = (f: (s: ScoredOutcome) => number) => scored.reduce((a, s) => a + f(s), 0) / n;
  // Each outcome spread over its PIT's range (ties with trials): a point forecast that hit is uniform, not 50%, and inside P10-P90 0.8 of a time, not 1.
  const pits = scored.map((s) => s.pitRange);
  return {
    outcomes: n,
    meanCrps: mean((s) => s.crps),
    meanPinball10: mean((s) => s.pinball10),
    meanPinball50: mean((s) => s.pinball50),
    meanPinball90: mean((s) => s.pinball90),
    meanIntervalScore80: mean((s) => s.intervalScore80),
    coverage: coverage(scored.map((s) => s.insideShare80)),
    pitHistogram: pitRangeHistogram(pits),
    calibration: rangeCalibrationCurve(pits),
    ks: ksUniformRanges(pits),
  };
}
