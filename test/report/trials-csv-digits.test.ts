import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { summarize } from '../../src/analysis/summarize.js';
import { writeReport } from '../../src/report/write-report.js';
import { breakdownDecimals } from '../../src/report/trials-csv.js';

// Two small books. Tiny: 10 customers of 10 a year, each renewing with probability 0.8 in its own
// month; a customer lost in month m takes 10 x (13 - m) / 12 off the year's revenue, so Tiny's
// revenue is 100 - 10k / 12 for a whole number k, and each month's MRR is 10 x (customers live) / 12.
const SMALL = `
name: Small amounts
currency: USD
tiers:
  - name: Tiny
    existing: { openingArr: 100, customers: 10, renewalRate: 0.8 }
  - name: Small
    existing: { openingArr: 1100000, customers: 12, renewalRate: 0.5 }
`;

describe('trials.csv writes breakdowns with the digits they hold', () => {
  it('chooses decimals by size: 7 significant digits, to the cent at most', () => {
    expect([8_475_321, 989_623.06, 91_666.66, 103.33, 0].map((v) => breakdownDecimals(v, 2))).toEqual([0, 1, 2, 2, 2]);
  });

  it('a tier of small amounts and monthly MRR read back as simulated, not rounded to whole units', async () => {
    const sim = await simulate(parseScenario(SMALL, 'small.yaml'), { trials: 300, seed: 4, workers: 0 });
    const summary = summarize(sim);
    const dir = join(mkdtempSync(join(tmpdir(), 'arrcast-csv-digits-')), 'report');
    await writeReport(dir, sim, summary, { outputs: ['summary', 'trials'] });
    const [head, ...lines] = readFileSync(join(dir, 'trials.csv'), 'utf8').trim().split('\n');
    const keys = head!.split(',');
    const col = (k: string) => lines.map((l) => Number(l.split(',')[keys.indexOf(k)]));
    expect(keys).toContain('tier.Tiny.revenue');

    // Tiny's revenue is 100 - 10k/12: within a cent of the nearest such value (whole units missed by up to 0.5).
    for (const v of col('tier.Tiny.revenue')) {
      const k = Math.round(((100 - v) * 12) / 10);
      expect(Math.abs(v - (100 - (10 * k) / 12)), `Tiny revenue ${v}`).toBeLessThanOrEqual(0.005);
    }
    // MRR: the company's live ARR / 12, ARR a sum of 10s and of 1,100,000 / 12 = 91,666.67s.
    for (let m = 1; m <= 12; m++) {
      for (const v of col(`mrr.${m}`)) {
        const small = Math.round(v / (1_100_000 / 144)) * (1_100_000 / 144);
        const rest = v - small;
        const tiny = Math.round(rest / (10 / 12)) * (10 / 12);
        expect(Math.abs(v - small - tiny), `mrr.${m} ${v}`).toBeLessThanOrEqual(0.01);
      }
    }
    // Recomputed from the file, the per-tier mean and the monthly sums match summary.json to a cent.
    const tiny = col('tier.Tiny.revenue');
    expect(Math.abs(tiny.reduce((a, b) => a + b, 0) / tiny.length - summary.byTier.Tiny!.revenue.mean)).toBeLessThan(0.005);
    const revenue = col('revenue');
    const months = Array.from({ length: 12 }, (_, m) => col(`mrr.${m + 1}`));
    revenue.forEach((r, i) => expect(Math.abs(months.reduce((a, c) => a + c[i]!, 0) - r)).toBeLessThan(0.06));
  });
});
