import { describe, expect, it } from 'vitest';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { prepareAttribution } from '../../src/analysis/attribution/prepared.js';
import { sortedQuantile } from '../../src/analysis/attribution/input.js';
import { worstTrials } from '../../src/analysis/attribution/bad-years.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

describe("a re-forecast's market factor in the attribution", () => {
  it('is ranked within the run (its z are posterior draws, not N(0, 1)): tornado ends at its own P10 and P90, 50% an ordinary year', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const n = 2_000;
    const sim = await simulate(loaded, { trials: n, seed: 9, workers: 0, actuals: { file, months: 5 } });
    const z = Float64Array.from(sim.store.column('driver.market')!.subarray(0, n));
    const sortedZ = Float64Array.from(z).sort();
    // The evidence pins z near -0.6: every trial's Φ(z) lies within about 0.2 to 0.35, so Φ(z) put no
    // trial near P10 or P90 (each tornado end was the one most extreme trial, labelled z = -/+1.28).
    expect(sortedZ[n - 1]! - sortedZ[0]!).toBeLessThan(1);
    const prepared = prepareAttribution(sim);
    const market = prepared.inputs.drivers.find((d) => d.key === 'driver.market')!;
    let mean = 0;
    for (const p of market.input!.percentile) mean += p / n;
    expect(mean).toBeCloseTo((n + 1) / (2 * n), 12);
    const row = prepared.revenue.drivers.find((d) => d.key === 'driver.market')!;
    expect(row.low!.driverValue).toBeCloseTo(sortedQuantile(sortedZ, 0.1), 6);
    expect(row.high!.driverValue).toBeCloseTo(sortedQuantile(sortedZ, 0.9), 6);
    // A band of about 10% of the trials, so its median has an interval.
    expect(row.low!.interval).not.toBeNull();
    expect(row.high!.interval).not.toBeNull();
    // Bad years: the market's mean percentile is its mean rank / n over the worst 10% of revenue.
    const revenue = sim.store.column('revenue')!.subarray(0, n);
    const worst = worstTrials(revenue, 0.1);
    const rank = new Float64Array(n);
    Array.from(z.keys()).sort((a, b) => z[a]! - z[b]!).forEach((i, r) => (rank[i] = (r + 1) / n));
    let direct = 0;
    for (const i of worst) direct += rank[i]! / worst.length;
    const bad = prepared.badYears.metrics.revenue.drivers.find((d) => d.key === 'driver.market')!;
    expect(bad.meanPercentile).toBeCloseTo(direct, 6);
  }, 60_000);
});
