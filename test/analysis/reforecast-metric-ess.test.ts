import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/in-process-cli.js';
import { writeFiles } from '../helpers/fixtures.js';

/**
 * summary.json's reforecast.sampler.metricEffectiveSampleSize of a real re-forecast whose chains
 * stick: a book fitted from monthly-terms history and re-forecast from five months it misreads
 * (bench/monthly-terms-reforecast.mjs), 2,000 trials (2 chains of 1,000), its driver's effective
 * sample about 7. Each company figure's effective sample must be at most what the spread of its 2
 * chains' means implies, computed here from trials.csv; a summary that took the trials as
 * independent (2,000) would not be. report.xlsx's sheets with intervals carry the terminal's note.
 */
const SCENARIO = `name: monthly terms
fiscalYearStartMonth: 1
tiers:
  - name: M
    existing:
      openingArr: 1200000
      customers: 1200
      renewalCalendar: [0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833, 0.0833]
      dollarRenewalRate: { dist: beta, mean: 0.7852, sd: 0.0358 }
      contraction: { probability: { dist: beta, mean: 0.2335, sd: 0.0483 }, size: 0.25 }
      expansion: { probability: { dist: beta, mean: 0.5004, sd: 0.0935 }, size: 0.313 }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 1000, p90: 1146.2 } }
      conversion: { dist: beta, mean: 0.04, sd: 0.0046 }
      salesCycleMonths: 0
      acv: { dist: lognormal, median: { dist: lognormal, median: 1000, p90: 1094.9 }, p90: 1000.1 }
`;
const ACTUALS = `month,tier,leads,deals,new_arr,renewed_arr,due_arr,churned_arr,ending_arr
1,M,1000,40,40000,1176000,1200000,24000,1216000
2,M,1000,40,40000,1191680,1216000,24320,1231680
3,M,1000,40,40000,1207046,1231680,24634,1247046
4,M,1000,40,40000,1222105,1247046,24941,1262105
5,M,1000,40,40000,1236863,1262105,25242,1276863
`;

/** s² / Var(grand mean), the latter from the chains' means as independent clusters (chains of 1,000). */
function betweenChainsEss(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const s2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const means: number[] = [];
  for (let start = 0; start < n; start += 1000) {
    const part = xs.slice(start, start + 1000);
    means.push(part.reduce((a, x) => a + x, 0) / part.length);
  }
  const c = means.length;
  const varGrand = (means.reduce((a, m) => a + (m - mean) ** 2, 0) / (c - 1)) / c;
  return s2 / varGrand;
}

describe('a re-forecast with stuck chains: the company figures\' effective samples', () => {
  it('are at most what their chains\' means imply, far below the trials', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO, 'a.csv': ACTUALS });
    const prev = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli('run', 's.yaml', '--actuals', 'a.csv', '-n', '2000', '-s', '1', '--workers', '0', '--outputs', 'summary,trials,xlsx', '--out', 'out', '-q');
      expect(r.code).toBe(0);
      const sampler = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8')).reforecast.sampler;
      const rows = readFileSync(join(dir, 'out/trials.csv'), 'utf8').trim().split('\n');
      const header = rows[0]!.split(',');
      for (const key of ['revenue', 'bookings', 'endingArr'] as const) {
        const i = header.indexOf(key);
        const xs = rows.slice(1).map((row) => Number(row.split(',')[i]));
        expect(xs).toHaveLength(2000);
        const between = betweenChainsEss(xs);
        expect(between).toBeLessThan(1000); // the case's chains do stick: each sits in its own corner
        expect(sampler.metricEffectiveSampleSize[key]).toBeLessThanOrEqual(between * (1 + 1e-9));
        expect(sampler.metricEffectiveSampleSize[key]).toBeGreaterThan(0);
      }
      // 2 chains: the figures are not judged; the factor is the drivers', sqrt(2,000 / their smallest effective sample).
      expect(sampler.figuresJudged).toBe(false);
      expect(sampler.intervalWidening).toBeCloseTo(Math.sqrt(2000 / sampler.minEffectiveSampleSize), 9);
      expect(r.err).toContain("cannot be judged from 2 chains");
      // report.xlsx (a default output) says it too, on each sheet whose 95% intervals take the trials as independent.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'out/report.xlsx'));
      const factor = Math.sqrt(2000 / sampler.minEffectiveSampleSize);
      const said = `about ${factor < 10 ? factor.toFixed(1) : Math.round(factor)} times too narrow by the drivers' effective sample`;
      for (const name of ['Targets and budgets', 'Attribution']) {
        const ws = wb.getWorksheet(name)!;
        const top = Array.from({ length: 12 }, (_, i) => String(ws.getRow(i + 1).getCell(1).value ?? '')).join('\n');
        expect(top, name).toContain("The re-forecast's posterior draws are correlated: ");
        expect(top, name).toContain(said);
      }
    } finally {
      process.chdir(prev);
    }
  });
});
