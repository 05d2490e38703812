import { describe, expect, it } from 'vitest';
import { scoreForecasts } from '../../src/scoring/score-forecasts.js';
import { scoreHtml } from '../../src/report/score-output.js';
import { scoreTable } from '../../src/cli/score-command.js';
import type { ReportTrials } from '../../src/report/read-report-trials.js';

/**
 * A PIT just inside the sample is not the PIT of an outcome beyond every trial: 2,999 of 3,000
 * trials below the outcome is a PIT of 0.99967, written 99.97% (the terminal and score.html wrote
 * 100.0%, what an outcome above every trial reads), and 1 of 3,000 is 0.033%, not 0.0%.
 */
describe('PITs near 0 and 1 in the printed table and score.html', () => {
  const sample = Float64Array.from({ length: 3000 }, (_, i) => i + 1);
  const values = [2999.5, 1.5, 3001, 0];
  const result = scoreForecasts(
    values.map((value, i) => ({ report: 0, tier: undefined, metric: 'revenue' as const, value, line: i + 2 })),
    () => sample,
  );
  const report = { dir: 'r', source: 'trials.csv', trials: 3000, scenarioName: 's', currency: 'USD', tiers: [], series: () => sample } as unknown as ReportTrials;
  // (#below + ½ #equal) / n, by hand: 2,999 below 2,999.5; 1 below 1.5; all 3,000 below 3,001; none below 0.
  const pits = ['99.97%', '0.033%', '100.0%', '0.0%'];

  it('are the PITs counted by hand', () => {
    expect(result.outcomes.map((o) => o.pit)).toEqual([2999 / 3000, 1 / 3000, 1, 0]);
  });

  it('the terminal writes each with the digits it takes', () => {
    const rows = scoreTable(result, [report]).split('\n').slice(1, 5);
    rows.forEach((row, i) => expect(row.trim().split(/\s{2,}/)[7], row).toBe(pits[i]));
  });

  it('score.html writes each with the digits it takes', () => {
    const html = scoreHtml(result, [report], []);
    const cells = [...html.matchAll(/<tr><th scope="row">r · total · [^<]*<\/th>(?:<td[^>]*>[^<]*<\/td>){4}<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual(pits);
  });
});
