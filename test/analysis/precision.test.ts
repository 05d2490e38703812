import { describe, expect, it } from 'vitest';
import { minTrialsForIntervals, simulateToPrecision } from '../../src/analysis/precision.js';
import { formatPercent } from '../../src/report/format.js';
import { confidenceRanks, intervalMinTrials } from '../../src/analysis/order-statistics.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom } from '../helpers/fixtures.js';
import { PRECISION_YAML } from './precision-fixture.js';
import { useSharedEngine } from '../helpers/engine.js';

const engine = useSharedEngine();

const yaml = PRECISION_YAML;

describe('--precision: adding chunks until the percentiles are precise enough', () => {
  it('stops once the 95% intervals of P10, P50, P90 are within the asked share, doubling from the start', async () => {
    const loaded = scenarioFrom(yaml);
    const { sim, precision } = await simulateToPrecision(loaded, { precision: 0.004, startTrials: 2_000, maxTrials: 64_000, seed: 4, workers: 0 });
    expect(precision.reached).toBe(true);
    expect(precision.steps[0]).toBe(2_000);
    precision.steps.slice(1).forEach((t, i) => expect(t).toBe(precision.steps[i]! * 2));
    expect(sim.trials).toBe(precision.trials);
    for (const w of Object.values(precision.relativeHalfWidths)) expect(w).toBeLessThanOrEqual(0.004);
    // The step before did not reach it (otherwise it would have stopped there).
    if (precision.steps.length > 1) {
      const before = await simulate(loaded, { trials: precision.steps.at(-2)!, seed: 4, workers: 0 });
      const s = summarize(before).metrics.revenue;
      const widths = (['p10', 'p50', 'p90'] as const).map((k) => (s.percentileIntervals![k]![1] - s.percentileIntervals![k]![0]) / 2 / s.percentiles[k]);
      expect(Math.max(...widths)).toBeGreaterThan(0.004);
    }
    // The terminal says what the rule measures: half-widths, here computed from the run's own intervals
    // (half the distance between the ends over the percentile), not that each interval lies "within" it.
    const summary = summarize(sim, { precision });
    const stat = summary.metrics.revenue;
    const half = (['p10', 'p50', 'p90'] as const).map((k) => formatPercent((stat.percentileIntervals![k]![1] - stat.percentileIntervals![k]![0]) / 2 / stat.percentiles[k]));
    const table = summaryTable(summary);
    expect(table).toContain(`Precision: the 95% intervals of revenue's P10/P50/P90 have half-widths of ${half.join('/')} of their value (half the distance between the ends; an end can lie further from its percentile) after ${sim.trials.toLocaleString('en-US')} trials; asked 0.4%.`);
    expect(table).not.toMatch(/P10\/P50\/P90 within/);
  });

  it('--max-minutes: a later step over the limit ends the run with the trials already run (not reached), a first one is refused', async () => {
    const loaded = scenarioFrom(yaml);
    let first = 0;
    await simulate(loaded, { trials: 2_000, seed: 4, workers: 0, onEstimate: (e) => (first = e.seconds) });
    expect(first).toBeGreaterThan(0);
    // A limit between the estimates of 2,000 trials and of 4,000 (twice as many draws).
    const maxMinutes = (first * 1.5) / 60;
    const { sim, precision } = await simulateToPrecision(loaded, { precision: 0.0001, startTrials: 2_000, maxTrials: 64_000, seed: 4, workers: 0, maxMinutes });
    expect([sim.trials, precision.trials, precision.steps, precision.reached, precision.overTimeLimit]).toEqual([2_000, 2_000, [2_000], false, { nextTrials: 4_000 }]);
    const plain = await simulate(loaded, { trials: 2_000, seed: 4, workers: 0 });
    const [x, y] = [sim.store.column('revenue')!, plain.store.column('revenue')!];
    expect(Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength))).toBe(true);
    expect(summaryTable(summarize(sim, { precision }))).toContain('not reached: the next step, 4,000 trials, is estimated over --max-minutes.');
    await expect(simulateToPrecision(loaded, { precision: 0.0001, startTrials: 2_000, seed: 4, workers: 0, maxMinutes: (first * 0.5) / 60 })).rejects.toMatchObject({ option: 'max-minutes' });
  });

  it('ends bit-identical to a plain run of the same trial count, in-process or on workers', async () => {
    const loaded = scenarioFrom(yaml);
    // On workers: a shared engine's warm pool, every step on the same threads.
    const grown = await simulateToPrecision(loaded, { precision: 0.0005, startTrials: 1_500, maxTrials: 6_500, seed: 'x', workers: 2, engine: engine() });
    expect(grown.precision.steps).toEqual([2_000, 4_000, 6_500]);
    expect(grown.precision.reached).toBe(false);
    const plain = await simulate(loaded, { trials: 6_500, seed: 'x', workers: 0 });
    // Each column's own bytes (a column is a view of the store's block).
    const bytes = (c: ArrayBufferView) => Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    grown.sim.store.columns.forEach((c, i) => expect(bytes(c).equals(bytes(plain.store.columns[i]!)), grown.sim.store.layout.columns[i]!.key).toBe(true));
    expect(JSON.stringify(summarize(grown.sim))).toBe(JSON.stringify(summarize(plain)));
  });
});

describe('--precision with too few trials to estimate the intervals', () => {
  // Every trial the same: each interval is a point from any number of trials, so only the trial count can say it means nothing.
  const constant = `
name: constant
tiers:
  - name: T
    existing: { openingArr: 1200000, customers: 100, renewalRate: 1 }
`;

  it('the fewest trials is where no interval of P10, P50, P90 is clamped to the sample', () => {
    const n = minTrialsForIntervals();
    const clamped = (trials: number) =>
      [0.1, 0.5, 0.9].some((p) => {
        const half = 1.959963984540054 * Math.sqrt(trials * p * (1 - p));
        const [lo, hi] = confidenceRanks(trials, p);
        return lo !== Math.ceil(trials * p - half) - 1 || hi !== Math.ceil(trials * p + half) - 1;
      });
    expect(clamped(n)).toBe(false);
    expect(clamped(n - 1)).toBe(true);
    expect(minTrialsForIntervals([0.5])).toBeLessThan(n);
  });

  it.each([1, 2, 10, minTrialsForIntervals() - 1])('%d trials of zero-width intervals: not reached, the widths it cannot estimate null, and the table says why', async (trials) => {
    const loaded = scenarioFrom(constant);
    const { sim, precision } = await simulateToPrecision(loaded, { precision: 0.01, startTrials: trials, maxTrials: trials, seed: 1, workers: 0 });
    // A percentile's interval exists from intervalMinTrials(p) trials on; below, its width is null (not a precise-looking 0).
    const expected = (p: number) => (trials < intervalMinTrials(p) ? null : 0);
    expect(precision.relativeHalfWidths).toEqual({ p10: expected(0.1), p50: expected(0.5), p90: expected(0.9) });
    expect(precision.notEstimable).toContain(`: a 95% interval needs at least ${minTrialsForIntervals()} trials for P10`);
    expect(precision.notEstimable).toContain(`and ${minTrialsForIntervals()} for P90`);
    expect(precision.notEstimable).toMatch(new RegExp(`^${trials} trials?: `));
    expect(JSON.parse(JSON.stringify(summarize(sim, { precision }).precision)).relativeHalfWidths.p10).toBeNull();
    expect(precision.reached).toBe(false);
    expect(precision.minTrials).toBe(minTrialsForIntervals());
    const table = summaryTable(summarize(sim, { precision }));
    expect(table).toContain(`Precision: the 95% intervals of revenue's P10/P50/P90 cannot be estimated from fewer than ${minTrialsForIntervals()} trials (this run has ${trials}); asked 1.0%, not reached`);
    expect(table).not.toContain('within 0.0%');
  });

  it('from the fewest trials on, zero-width intervals of a constant result are reached', async () => {
    const trials = minTrialsForIntervals();
    const { precision } = await simulateToPrecision(scenarioFrom(constant), { precision: 0.01, startTrials: trials, maxTrials: trials, seed: 1, workers: 0 });
    expect(precision.reached).toBe(true);
    expect(precision.relativeHalfWidths).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(precision.notEstimable).toBeUndefined();
  });
});
