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
        "(at leadsPerMonth 100, 1,200 leads in the year, not the 600 of the weights as written); if each month is meant to have leadsPerMonth times its weight as written, state leadsPerMonth times 0.5, the weights' average",
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
    // As written, 100 x (1 + 3) = 400 leads (months 10 and 11 at 100 and 300), not 100 x 2 months.
    expect(late!.message).toContain('the 2 months above 0 get 6 times it on average (at leadsPerMonth 100, 1,200 leads in the year, not the 400 of the weights as written); ');
    expect(late!.message).toContain("state leadsPerMonth times 0.333, the weights' average");
    const [one] = rescaled(swap(JULY, '[0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'));
    expect(one!.message).toContain('is 0 in month 1 and its 12 weights average 0.917, not 1:');
    expect(one!.message).toContain('the 11 months above 0 get 1.09 times it on average');
  });

  // Weights above 0 that are not all 1: as written, month m has leadsPerMonth x its weight, so the
  // year as written is leadsPerMonth x the weights' sum, and leadsPerMonth times the weights' average
  // gives each month that (rescaled: x average / average). Figures by hand, the advice simulated.
  it.each([
    ['0 and 2 over 10 months', '[0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]', 'not the 2,000 of the weights as written', '1.67', '166.6666666666667', 2000],
    ['a ramp from July', '[0, 0, 0, 0, 0, 0, 0.5, 1, 1.5, 2, 2.5, 3]', 'not the 1,050 of the weights as written', '0.875', '87.5', 1050],
    ['0 then 1.2 for 11 months', '[0, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2]', 'not the 1,320 of the weights as written', '1.1', '110', 1320],
  ])('for %s says the year as written (leadsPerMonth x the sum) and advises times the average, which gives it', async (_, weights, written, times, advised, year) => {
    const yaml = swap(JULY, weights);
    const [w] = rescaled(yaml);
    expect(w!.message).toContain(`(at leadsPerMonth 100, 1,200 leads in the year, ${written}); `);
    expect(w!.message).toMatch(new RegExp(`state leadsPerMonth times ${times.replace('.', '\\.')}, the weights' average$`));
    // The advice taken: a plain leadsPerMonth is a fixed count, so every trial has the written year.
    const leads = column(await run(yaml.replace('leadsPerMonth: 100', `leadsPerMonth: ${advised}`), 50, 5), 'tier.T.leads');
    for (const x of leads) expect(x).toBeCloseTo(year, 6);
  });

  it("states the figures at the scenario's own leadsPerMonth, the planned level of a drawn one, and the sum of the streams reading a tier's seasonality", () => {
    const yaml = `name: own volumes
tiers:
  - name: S
    newBusiness:
      seasonality: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]
      leadSources:
        - { grade: A, leadsPerMonth: 300, conversion: 0.1, seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0] }
        - { grade: B, leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 200, p90: 450 } }, conversion: 0.1, seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }
        - { grade: C, leadsPerMonth: 50, conversion: 0.1 }
        - { grade: D, leadsPerMonth: 70, conversion: 0.1 }
      acv: 1200
      salesCycleMonths: 0
`;
    const ws = rescaled(yaml);
    expect(ws.map((w) => w.path)).toEqual([
      ['tiers', 0, 'newBusiness', 'seasonality'],
      ['tiers', 0, 'newBusiness', 'leadSources', 0, 'seasonality'],
      ['tiers', 0, 'newBusiness', 'leadSources', 1, 'seasonality'],
    ]);
    // C and D: 120 a month together, 1,440 in the year rescaled, 120 x 9 = 1,080 as written.
    expect(ws[0]!.message).toContain("(at the 2 lead streams' leadsPerMonth, 120 together, 1,440 leads in the year, not the 1,080 of the weights as written)");
    expect(ws[0]!.message).toContain('times 0.75,');
    // A: 300 x 12 = 3,600 rescaled, 300 as written.
    expect(ws[1]!.message).toContain('(at leadsPerMonth 300, 3,600 leads in the year, not the 300 of the weights as written)');
    // B: the level's median, sqrt(200 x 450) = 300 (its p10 and p90 are symmetric in the log).
    expect(ws[2]!.message).toContain('(at leadsPerMonth 300, 3,600 leads in the year, not the 300 of the weights as written)');
  });

  it("counts a re-forecast's simulated months only (the closed months are actuals), and is quiet when they are all 0", () => {
    const after = (yaml: string, closedMonths: number) => scenarioWarnings(scenarioFrom(yaml).scenario, undefined, closedMonths).filter((w) => w.code === 'seasonality-rescaled');
    // Months 9-12 at weight 1, rescaled by 1 / 0.5: 100 x 4 x 2 = 800; as written 400.
    expect(after(LAUNCH, 8)[0]!.message).toContain('(at leadsPerMonth 100, 800 leads in months 9-12, the months simulated, not the 400 of the weights as written)');
    // Month 12 alone, weight 3 of an average 1/3: 100 x 3 x 3 = 900; as written 300.
    const late = swap(JULY, '[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3]');
    expect(after(late, 11)[0]!.message).toContain('(at leadsPerMonth 100, 900 leads in month 12, the months simulated, not the 300 of the weights as written)');
    expect(after(swap(JULY, '[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0]'), 11)).toEqual([]);
    expect(after(swap(JULY, '[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0]'), 10).map((w) => w.code)).toEqual(['seasonality-rescaled']);
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
