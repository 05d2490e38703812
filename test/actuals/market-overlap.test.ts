import { describe, expect, it } from 'vitest';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A re-forecast draws the market factor and the learned drivers together from the posterior, so the
 * attribution's inputs are not independent there (the example's SMB conversion correlates about
 * -0.2 with the factor) and their variance shares overlap. summary.json gives each learned driver's
 * correlation with the factor, and the terminal and report.html say what it does to the shares.
 */
describe("a re-forecast's learned drivers tied to the market factor", () => {
  /** Pearson's r, written out here (not the code's helper). */
  const pearson = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    const n = a.length;
    const ma = Array.from(a).reduce((s, x) => s + x, 0) / n;
    const mb = Array.from(b).reduce((s, x) => s + x, 0) / n;
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < n; i++) {
      ab += (a[i]! - ma) * (b[i]! - mb);
      aa += (a[i]! - ma) ** 2;
      bb += (b[i]! - mb) ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  };

  it('summary.json gives each correlation, and the outputs name the tied drivers with it', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const n = 3_000;
    const sim = await simulate(loaded, { trials: n, seed: 9, workers: 0, actuals: { file, months: 5 } });
    const summary = summarize(sim);
    const r = summary.reforecast!;
    const z = sim.store.column('driver.market')!;
    for (const d of r.drivers) {
      const own = sim.plan.tiers.find((t) => t.name === d.tier)!.plannedDrivers.find((x) => x.key === d.key)!.ownColumn!;
      expect(d.marketCorrelation, d.label).toBeCloseTo(pearson(sim.store.column(own)!, z), 9);
    }
    // SMB conversion: about -0.2 (10,000 trials: -0.215). Its standard error from ~25% effective
    // draws of 3,000 is about 1 / sqrt(750) = 0.037: -0.2 +- 4 se lies within [-0.35, -0.05].
    const smb = r.drivers.find((d) => d.label === 'SMB conversion')!;
    expect(smb.marketCorrelation!).toBeGreaterThan(-0.35);
    expect(smb.marketCorrelation!).toBeLessThan(-0.05);
    expect(r.attributionOverlap).toContain(`SMB conversion ${smb.marketCorrelation!.toFixed(2)}`);
    expect(r.attributionOverlap).toContain('Their variance shares are not separate');
    // A driver with no tie to the factor is not named (Enterprise price uplift is not learned: r about 0).
    expect(r.attributionOverlap).not.toContain('Enterprise price uplift');
    expect(summaryTable(summary)).toContain(r.attributionOverlap!);
    expect(reportHtml({ summary, scenario: s, charts: [], files: [] })).toContain('Their variance shares are not separate');
  }, 120_000);

  it('a plan run, whose inputs are independent by construction, says nothing of it', async () => {
    const sim = await simulate(await loadScenario(`${ROOT}scenarios/example.yaml`), { trials: 2_000, seed: 9, workers: 0 });
    const summary = summarize(sim);
    expect(summary.reforecast).toBeUndefined();
    expect(summaryTable(summary)).not.toContain('Their variance shares are not separate');
  }, 60_000);
});
