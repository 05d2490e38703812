import { describe, expect, it } from 'vitest';
import { scenarioWarnings, silenceWarnings } from '../../src/analysis/plausibility.js';
import { column, run, scenarioFrom } from '../helpers/fixtures.js';
import { expectPoissonCounts } from '../helpers/stats.js';

// A tier launched in July, written as a planner writes "on from July": weights 0 and 1. The weights
// are rescaled to average 1 (README, "Weights"), so leadsPerMonth 100 is the average over all twelve
// months and July to December bring 200 a month: 1,200 leads in the year, not 600.
const LAUNCH = `name: launched in July
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 100
      seasonality: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
      conversion: 0.02
      acv: 1200
      salesCycleMonths: 0
`;

const JULY = '[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]';
const rescaled = (yaml: string) => scenarioWarnings(scenarioFrom(yaml).scenario).filter((w) => w.code === 'seasonality-rescaled');
const swap = (from: string, to: string) => {
  expect(LAUNCH).toContain(from);
  return LAUNCH.replace(from, to);
};

describe('seasonality-rescaled: months of 0 in weights that do not average 1', () => {
  it('tells the July launch its months with leads get 2 times leadsPerMonth, and the simulated year has 1,200 leads as it says', async () => {
    const [w, ...more] = rescaled(LAUNCH);
    expect(more).toEqual([]);
    expect(w!.path).toEqual(['tiers', 0, 'newBusiness', 'seasonality']);
    expect(w!.message).toBe(
      "T's seasonality is 0 in months 1-6 and its 12 weights average 0.5, not 1: they are rescaled to average 1, " +
        'so leadsPerMonth is the average over all 12 months and the 6 months above 0 get 2 times it on average ' +
        '(at leadsPerMonth 100, 1,200 leads in the year, not 600); if leadsPerMonth is meant as the volume of a month with leads, state it times 6/12 (0.5)',
    );
    // What it says, simulated: a plain leadsPerMonth is a fixed count, so every year has exactly
    // 100 x 12 = 1,200 leads, not 600; and as it advises, leadsPerMonth 50 gives the 600 meant.
    expect(new Set(column(await run(LAUNCH, 50, 5), 'tier.T.leads'))).toEqual(new Set([1200]));
    expect(new Set(column(await run(swap('leadsPerMonth: 100', 'leadsPerMonth: 50'), 50, 5), 'tier.T.leads'))).toEqual(new Set([600]));
    // A Poisson volume's year: mean and variance 1,200 within their standard errors.
    expectPoissonCounts(column(await run(swap('leadsPerMonth: 100', 'leadsPerMonth: { dist: poisson, mean: 100 }'), 4000, 5), 'tier.T.leads'), 1200);
  });

  it('counts the months with leads: 0 in months 1-9 and 12 gives 6 times (2 of 12 months), 0 in month 1 only 1.09 times', () => {
    const [late] = rescaled(swap(JULY, '[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0]'));
    expect(late!.message).toContain("is 0 in months 1-9 and 12 and its 12 weights average 0.333, not 1:");
    expect(late!.message).toContain('the 2 months above 0 get 6 times it on average (at leadsPerMonth 100, 1,200 leads in the year, not 200); ');
    expect(late!.message).toContain('state it times 2/12 (0.167)');
    const [one] = rescaled(swap(JULY, '[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'));
    expect(one!.message).toContain('is 0 in month 1 and its 12 weights average 0.917, not 1:');
    expect(one!.message).toContain('the 11 months above 0 get 1.09 times it on average');
  });

  // Each quiet case beside its twin that differs in the one thing the rule reads, and warns.
  it.each([
    ["weights that average 1 already (0 and 2: the year's average is said)", swap(JULY, '[0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]'), LAUNCH],
    ['weights rounded within 1% of averaging 1 (0 and 1.09: 0.9992)', swap(JULY, '[0, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09, 1.09]'), swap(JULY, '[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]')],
    ['no month of 0 (a rescaled profile without a gap, as README documents)', swap(JULY, '[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]'), swap(JULY, '[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]')],
    ['no leads to spread (leadsPerMonth 0)', swap('leadsPerMonth: 100', 'leadsPerMonth: 0'), LAUNCH],
  ])('is quiet for %s, and its twin warns', (_, quiet, twin) => {
    expect(rescaled(quiet)).toEqual([]);
    expect(rescaled(twin).map((w) => w.code)).toEqual(['seasonality-rescaled']);
  });

  it("names a lead source's own seasonality at its path, and the tier's once for the sources that read it", () => {
    const yaml = `name: sources
tiers:
  - name: T
    newBusiness:
      seasonality: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]
      leadSources:
        - grade: A
          leadsPerMonth: 100
          conversion: 0.1
          seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        - grade: B
          leadsPerMonth: 50
          conversion: 0.1
        - grade: C
          leadsPerMonth: 50
          conversion: 0.1
      acv: 1200
      salesCycleMonths: 0
`;
    const ws = rescaled(yaml);
    expect(ws.map((w) => w.path)).toEqual([
      ['tiers', 0, 'newBusiness', 'seasonality'],
      ['tiers', 0, 'newBusiness', 'leadSources', 0, 'seasonality'],
    ]);
    expect(ws[0]!.message).toMatch(/^T's seasonality is 0 in months 1-3 and its 12 weights average 0\.75, not 1:/);
    expect(ws[1]!.message).toMatch(/^T's lead source A has a seasonality that is 0 in months 1-11 and its 12 weights average 0\.0833, not 1: .* the 1 month above 0 gets 12 times it on average/);
    expect(silenceWarnings(ws, ['seasonality-rescaled'])).toEqual([]);
  });
});
