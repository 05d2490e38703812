import { describe, expect, it } from 'vitest';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { ROOT } from '../helpers/fixtures.js';
import { pearson } from '../helpers/stats.js';

/**
 * A re-forecast draws the market factor and the learned drivers together from the posterior, so the
 * attribution's inputs are not independent there (the example's SMB conversion correlates about
 * -0.2 with the factor) and their variance shares overlap. summary.json gives each learned driver's
 * correlation with the factor, and the terminal and report.html say what it does to the shares.
 */
describe("a re-forecast's learned drivers tied to the market factor", () => {
  /** A re-forecast of the example from its five closed months. */
  const reforecast = async (trials: number, seed: string) => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const sim = await simulate(loaded, { trials, seed, workers: 0, actuals: { file, months: 5 } });
    return { sim, summary: summarize(sim), scenario: s };
  };

  it('summary.json gives each correlation and whether it is tied (|r| - 3 se >= 0.1), and every output names the tied drivers only', async () => {
    const { sim, summary, scenario } = await reforecast(4_000, '7');
    const r = summary.reforecast!;
    const z = sim.store.column('driver.market')!;
    for (const d of r.drivers) {
      const own = sim.plan.tiers.find((t) => t.name === d.tier)!.plannedDrivers.find((x) => x.key === d.key)!.ownColumn!;
      expect(d.marketCorrelation, d.label).toBeCloseTo(pearson(sim.store.column(own)!, z), 9);
      // The rule, written out: the large-sample se of r, (1 - r²) / sqrt(n), n the smaller ESS of the two.
      const se = (1 - d.marketCorrelation! ** 2) / Math.sqrt(Math.min(d.effectiveSampleSize, r.market!.effectiveSampleSize));
      expect(d.marketCorrelationSe, d.label).toBeCloseTo(se, 12);
      expect(d.tiedToMarket, d.label).toBe(Math.abs(d.marketCorrelation!) - 3 * se >= 0.1);
      // Named in the note exactly when tied.
      expect(r.attributionOverlap?.includes(`${d.label} ${d.marketCorrelation!.toFixed(2)}`) ?? false, d.label).toBe(d.tiedToMarket);
    }
    // SMB conversion is tied (about -0.21 at 20,000 trials; here its 3 se is about 0.08).
    expect(r.drivers.find((d) => d.label === 'SMB conversion')!.tiedToMarket).toBe(true);
    // The review's case: at 4,000 trials a driver can read beyond 0.1 and more than 3 se from 0 by
    // noise alone (the rule before named it); at 20,000 trials the same seed reads it within 0.1 of 0.
    // Such a driver is not tied nor named. Which driver it is depends on the draws (Enterprise renewal
    // rate before act24b's exact prior tails, another after), so the test finds it by that definition.
    const more = (await reforecast(20_000, '7')).summary.reforecast!.drivers;
    const noise = r.drivers.filter((d) => Math.abs(d.marketCorrelation!) >= 0.1 && Math.abs(d.marketCorrelation!) >= 3 * d.marketCorrelationSe! && Math.abs(more.find((x) => x.label === d.label)!.marketCorrelation!) < 0.1);
    expect(noise.length, 'a driver past 0.1 and 3 se at 4,000 trials, under 0.1 at 20,000').toBeGreaterThan(0);
    for (const d of noise) {
      expect(d.tiedToMarket, d.label).toBe(false);
      expect(r.attributionOverlap, d.label).not.toContain(d.label);
    }
    // The note in the terminal, report.html and report.xlsx's attribution sheet (before: not in the workbook).
    expect(r.attributionOverlap).toContain('Their variance shares are not separate');
    expect(summaryTable(summary)).toContain(r.attributionOverlap!);
    expect(reportHtml({ summary, scenario, charts: [], files: [] })).toContain('Their variance shares are not separate');
    expect(reportSheets(summary, scenario).find((x) => x.name === 'Attribution')!.preamble).toContain(r.attributionOverlap);
  }, 120_000);
});
