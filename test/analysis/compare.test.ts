import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { compareSimulations, marketNote, pairedDifference, yearNote } from '../../src/analysis/compare.js';
import { describe as describeValues } from '../../src/analysis/describe.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { lognormalParams } from '../../src/math/distribution-params.js';
import { parseScenario, type LoadedScenario } from '../../src/scenario/parse.js';
import { column, meanAndSe, ROOT, run } from '../helpers/fixtures.js';
import { binomialPmf } from '../helpers/stats.js';

const exampleText = readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8');
const example = parseScenario(exampleText, 'example.yaml');
const variant = (from: string, to: string): LoadedScenario => {
  if (!exampleText.includes(from)) throw new Error(`example has no ${from}`);
  return parseScenario(exampleText.replace(from, to), 'variant.yaml');
};
const TRIALS = 2_000;
const sims = (...loaded: LoadedScenario[]) => Promise.all(loaded.map((l) => simulate(l, { trials: TRIALS, seed: 5, workers: 0 })));

/** Every per-trial difference exactly zero (Object.is: not even -0), or not. */
const allZero = (a: Simulation, b: Simulation, key: string) => pairedDifference(column(a, key), column(b, key)).every((d) => Object.is(d, 0));
const anyNonZero = (a: Simulation, b: Simulation, key: string) => pairedDifference(column(a, key), column(b, key)).some((d) => d !== 0);

describe('common random numbers: changing one driver changes only what it touches, trial by trial', () => {
  it('Enterprise ACV: other tiers, and Enterprise leads, wins, renewals and drivers, differ by exactly 0 in every trial', async () => {
    const [a, b] = await sims(example, variant('acv: { dist: lognormal, median: 150000, p90: 400000 }', 'acv: { dist: lognormal, median: 120000, p90: 300000 }'));
    const untouched = [
      ...['SMB', 'Mid-market'].flatMap((t) => ['revenue', 'bookings', 'endingArr', 'leads', 'customersWon', 'customersLost'].map((m) => `tier.${t}.${m}`)),
      'tier.Enterprise.leads',
      'tier.Enterprise.customersWon',
      'tier.Enterprise.customersLost',
      'tier.Enterprise.grr',
      'driver.Enterprise.conversion',
      'driver.Enterprise.renewalRate',
      'driver.market',
      'component.endingArr.churn',
      'component.endingArr.contraction',
    ];
    for (const key of untouched) expect(allZero(a!, b!, key), key).toBe(true);
    for (const key of ['tier.Enterprise.revenue', 'revenue', 'component.endingArr.newBusiness']) expect(anyNonZero(a!, b!, key), key).toBe(true);

    const c = compareSimulations([a!, b!]);
    for (const tier of ['SMB', 'Mid-market'])
      for (const m of ['revenue', 'bookings', 'endingArr'] as const) {
        const d = c.byTier[tier]![m].differences[0]!;
        expect([d.identicalTrials, d.mean, d.sd, d.probabilityBelow.value]).toEqual([TRIALS, 0, 0, 0]);
      }
    // A smaller ACV lowers Enterprise's new business in every trial that closes a deal.
    expect(c.byTier.Enterprise!.endingArr.differences[0]!.identicalTrials).toBeLessThan(TRIALS);
    expect(c.byTier.Enterprise!.endingArr.differences[0]!.mean).toBeLessThan(0);
  });

  it("SMB renewal: SMB's new business, leads and conversion, and the other tiers, differ by exactly 0", async () => {
    const [a, b] = await sims(example, variant('renewalRate: { dist: beta, mean: 0.86, sd: 0.03 }', 'renewalRate: { dist: beta, mean: 0.80, sd: 0.05 }'));
    for (const key of ['tier.SMB.leads', 'tier.SMB.customersWon', 'driver.SMB.conversion', 'component.revenue.newBusiness', 'component.revenue.newCustomerExpansion', 'tier.Mid-market.revenue', 'tier.Enterprise.revenue'])
      expect(allZero(a!, b!, key), key).toBe(true);
    for (const key of ['tier.SMB.revenue', 'tier.SMB.customersLost', 'driver.SMB.renewalRate']) expect(anyNonZero(a!, b!, key), key).toBe(true);
  });
});

describe('compareSimulations', () => {
  it('reports each scenario, the per-trial difference and P(B < A) as computed directly from the trials', async () => {
    const [a, b, c] = await sims(example, variant('leadsPerMonth: { dist: poisson, mean: 2700 }', 'leadsPerMonth: { dist: poisson, mean: 2400 }'), variant('conversion: { dist: beta, mean: 0.10, sd: 0.025 }', 'conversion: { dist: beta, mean: 0.12, sd: 0.025 }'));
    const cmp = compareSimulations([a!, b!, c!]);
    expect(cmp.scenarios.map((s) => s.label)).toEqual(['A', 'B', 'C']);
    expect([cmp.trials, cmp.seed, cmp.sameTiers]).toEqual([TRIALS, '5', true]);
    expect(cmp.percentileConvention).toBe('Px = x% chance of coming in below');
    for (const m of ['revenue', 'bookings', 'endingArr'] as const) {
      const cols = [a!, b!, c!].map((s) => column(s, m));
      cmp.metrics[m].scenarios.forEach((s, i) => {
        const direct = describeValues(cols[i]!)!;
        expect([s.mean, s.sd, s.standardError]).toEqual([direct.mean, direct.sd, direct.standardError]);
        expect(s.percentiles).toEqual({ p5: direct.percentiles.p5, p10: direct.percentiles.p10, p50: direct.percentiles.p50, p90: direct.percentiles.p90 });
        // Named and shaped as summary.json's percentileIntervals, for the percentiles compare writes.
        const pi = direct.percentileIntervals!;
        expect(s.percentileIntervals).toEqual({ p5: pi.p5, p10: pi.p10, p50: pi.p50, p90: pi.p90 });
      });
      cmp.metrics[m].differences.forEach((d, k) => {
        const x = cols[k + 1]!;
        const diff = pairedDifference(cols[0]!, x);
        const direct = describeValues(diff)!;
        expect(d.scenario).toBe(k + 1);
        expect([d.mean, d.sd, d.standardError]).toEqual([direct.mean, direct.sd, direct.sd! / Math.sqrt(TRIALS)]);
        expect(d.percentiles).toEqual({ p10: direct.percentiles.p10, p50: direct.percentiles.p50, p90: direct.percentiles.p90 });
        // The mean difference is the difference of the means (to rounding).
        expect(Math.abs(d.mean - (cmp.metrics[m].scenarios[k + 1]!.mean - cmp.metrics[m].scenarios[0]!.mean))).toBeLessThan(1e-6 * Math.abs(cmp.metrics[m].scenarios[0]!.mean));
        const below = x.filter((v, i) => v < cols[0]![i]!).length / TRIALS;
        expect(d.probabilityBelow.value).toBe(below);
        expect(d.probabilityBelow.standardError).toBeCloseTo(Math.sqrt((below * (1 - below)) / TRIALS), 15);
        expect(d.probabilityBelow.interval[0]).toBeLessThanOrEqual(below);
        expect(d.probabilityBelow.interval[1]).toBeGreaterThanOrEqual(below);
      });
    }
    // Fewer SMB leads: lower revenue, and paired trials make the difference far less noisy than either scenario.
    const fewer = cmp.metrics.revenue.differences[0]!;
    expect(fewer.mean).toBeLessThan(0);
    expect(fewer.sd).toBeLessThan(cmp.metrics.revenue.scenarios[0]!.sd! / 5);
  });

  it('refuses simulations that do not share seed and trial count', async () => {
    const a = await simulate(example, { trials: 1_000, seed: 1, workers: 0 });
    // Another forecast than A's (one forecast twice is refused first: compare-chart's test).
    const other = variant('market:\n', 'market:\n  factor: -1.28\n');
    const b = await simulate(other, { trials: 1_000, seed: 2, workers: 0 });
    const c = await simulate(other, { trials: 1_500, seed: 1, workers: 0 });
    expect(() => compareSimulations([a, b])).toThrow(/must share seed and trial count/);
    expect(() => compareSimulations([a, c])).toThrow(/must share seed and trial count/);
    expect(() => compareSimulations([a])).toThrow(/2 to 26 simulations/);
  });

  it('scenarios with different tiers: compared by the tiers they share, and the pairing note says so', async () => {
    const twoTiers = `
name: two
tiers:
  - name: A
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }
  - name: B
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 50 }, conversion: 0.05, acv: 1000 }
`;
    const oneTier = `
name: one
tiers:
  - name: A
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }
`;
    const [x, y] = [await run(twoTiers, 1_000, 3), await run(oneTier, 1_000, 3)];
    const cmp = compareSimulations([x, y]);
    expect(cmp.sharedTiers).toEqual(['A']);
    expect(cmp.sameTiers).toBe(false);
    expect(cmp.pairing).toContain('pairing holds only for the tiers they share (A)');
    // Tier A draws the same random numbers in both: identical in every trial (a one-tier scenario's tier is its total).
    expect(cmp.byTier.A!.revenue.differences[0]!.identicalTrials).toBe(1_000);
    expect(Object.keys(cmp.byTier)).toEqual(['A']);
  });
});

describe('P(B < A) when B is A with every renewal rate 5 points lower', () => {
  it('a small book drawn by inversion: B <= A in every trial, and P(B < A) = 1 - prod over months of P(tie), derived exactly', async () => {
    // 24 customers, 2 due a month, renewal 95% vs 90%. Churn is Binomial(2, q) drawn by inversion
    // from one uniform u (n q < 10), the same u in A and B: churn_B >= churn_A always, and the month
    // ties when F_A(k - 1) < u <= F_B(k) for some k, with probability sum_k max(0, F_B(k) - F_A(k - 1)).
    const book = (stress: string) => `
name: book
${stress}
tiers:
  - name: T
    existing: { openingArr: 240000, customers: 24, renewalRate: 0.95 }
`;
    const n = 4_000;
    const a = await run(book(''), n, 11);
    const b = await run(book('stress: { renewal: -0.05 }'), n, 11);
    const cdf = (due: number, q: number) => {
      const pmf = binomialPmf(due, q);
      return (k: number) => {
        let s = 0;
        for (let j = 0; j <= k; j++) s += pmf(j);
        return s;
      };
    };
    let allTie = 1;
    for (const due of a.plan.tiers[0]!.existing!.due) {
      if (due === 0) continue;
      const fa = cdf(due, 0.05);
      const fb = cdf(due, 0.1);
      let tie = 0;
      for (let k = 0; k <= due; k++) tie += Math.max(0, fb(k) - (k === 0 ? 0 : fa(k - 1)));
      allTie *= tie;
    }
    const derived = 1 - allTie;
    expect(derived).toBeGreaterThan(0.6);
    expect(derived).toBeLessThan(0.8);
    const d = compareSimulations([a, b]).metrics.revenue.differences[0]!;
    // Never above A; below it as often as derived, within 4 binomial standard errors.
    expect(pairedDifference(column(a, 'revenue'), column(b, 'revenue')).every((v) => v <= 0)).toBe(true);
    expect(Math.abs(d.probabilityBelow.value - derived)).toBeLessThanOrEqual(4 * Math.sqrt((derived * (1 - derived)) / n));
    expect(d.identicalTrials).toBe(n - Math.round(d.probabilityBelow.value * n));
  });

  it('the example: the mean difference of ending ARR is what the drivers of each trial give, within 4 standard errors', async () => {
    const stressed = parseScenario(`${exampleText}\nstress: { renewal: -0.05 }\n`, 'renewal-5.yaml');
    const [a, b] = await sims(example, stressed);
    const d = compareSimulations([a!, b!]).metrics.endingArr.differences[0]!;
    // Per customer due, lowering the renewal rate by 0.05 loses, in expectation given the trial's drivers,
    // 0.05 x ARR x [(1 - c sc)(1 + u) + (1 - c) e se]: the renewed ARR after contraction (c: probability, sc:
    // mean size) with its uplift u, plus the expansion it would have had (e: probability, se: mean size).
    // The drivers are the same in A and B (their own streams), read per trial from A.
    const lognormalMean = (median: number, p90: number) => {
      const { mu, sigma } = lognormalParams({ median, p90 });
      return Math.exp(mu + (sigma * sigma) / 2);
    };
    const tiers = [
      { name: 'SMB', sc: 0.25, se: lognormalMean(0.25, 0.6), uplift: () => 0.03 },
      { name: 'Mid-market', sc: 0.2, se: lognormalMean(0.25, 0.55), uplift: () => 0.05 },
      { name: 'Enterprise', sc: 0.15, se: lognormalMean(0.2, 0.5), uplift: (i: number) => column(a!, 'driver.Enterprise.priceUplift')[i]! },
    ];
    const expected = new Float64Array(TRIALS);
    for (const t of tiers) {
      const plan = a!.plan.tiers.find((p) => p.name === t.name)!.existing!;
      const due = plan.due.reduce((s, x) => s + x, 0);
      const c = column(a!, `driver.${t.name}.contractionProbability`);
      const e = column(a!, `driver.${t.name}.expansionProbability`);
      for (let i = 0; i < TRIALS; i++)
        expected[i]! -= 0.05 * due * plan.averageArr * ((1 - c[i]! * t.sc) * (1 + t.uplift(i)) + (1 - c[i]!) * e[i]! * t.se);
    }
    const target = meanAndSe(expected).mean;
    expect(Math.abs(d.mean - target), `mean difference ${d.mean} vs derived ${target} (SE ${d.standardError})`).toBeLessThanOrEqual(4 * d.standardError!);
    // Revenue falls in (nearly) every trial: the mean drop is several sd of the per-trial difference.
    const revenue = compareSimulations([a!, b!]).metrics.revenue.differences[0]!;
    expect(revenue.mean / revenue.sd!).toBeLessThan(-3);
  });
});

describe('the pairing note when a stress case fixes the market factor', () => {
  it('says the market factor is not paired when one scenario fixes it and another draws it, and says nothing when all draw it', async () => {
    const stressed = variant('market:\n', 'market:\n  factor: -1.28\n');
    const [a, b] = await sims(example, stressed);
    expect(anyNonZero(a!, b!, 'driver.market')).toBe(true);
    const fixedVsDrawn = compareSimulations([a!, b!]).pairing;
    expect(fixedVsDrawn).toContain('The market factor is not paired: B (Z = -1.28) fixes it where A draws it in each trial');
    expect(compareSimulations([b!, a!]).pairing).toContain('A (Z = -1.28) fixes it where B draws it');
    // All drawn, or all fixed: nothing to say (one forecast twice is refused, so said of the note itself).
    expect(marketNote([undefined, undefined])).toBe('');
    expect(marketNote([-1.28, -1.28])).toBe('');
  });
});

describe('the pairing note when the scenarios forecast different fiscal years', () => {
  // An FY2027 plan compared with an FY2028 one (or a year from February with one from January)
  // was printed as if one year under two plans: nothing in the terminal, comparison.json, .html
  // or .xlsx said the columns were different years.
  it('names each scenario\'s year when two stated years or two first months differ, and says nothing otherwise', async () => {
    const fy = (year: string) => variant('fiscalYearStartMonth: 2', `fiscalYearStartMonth: 2\nfiscalYear: ${year}`);
    const [a, b, c, d] = await Promise.all(
      [fy('2027'), fy('2028'), variant('fiscalYearStartMonth: 2', 'fiscalYearStartMonth: 1'), example].map((l) => simulate(l, { trials: 200, seed: 5, workers: 0 })),
    );
    expect(compareSimulations([a!, b!]).pairing).toContain(
      ' The scenarios forecast different fiscal years (A: FY2027, from February; B: FY2028, from February): each is its own year\'s forecast, so a difference X - A compares two years, not one year under two plans.',
    );
    expect(compareSimulations([d!, c!]).pairing).toContain('different fiscal years (A: year not stated, from February; B: year not stated, from January)');
    expect(yearNote([{ startMonth: 2, year: 2027 }, { startMonth: 2, year: 2027 }])).toBe('');
    // A scenario that states no year may be of the other's.
    expect(compareSimulations([a!, d!]).pairing).not.toContain('fiscal year');
  });
});

describe('P(X < A) for the same scenario with its tiers listed in another order', () => {
  // The company's totals sum the tiers in the order the file lists them: reversed, a trial's total
  // differs from A's in its last bit or two, and P(B < A) read 13.9% (revenue, 1,000 trials) for two
  // equal scenarios, beside a difference of 0 at every percentile.
  // Reversed alone, B is one forecast with A (forecastHash reads tiers as a set) and compare refuses
  // the pair; a stress of 1e-300 (1 + 1e-300 is 1) makes it another scenario that draws the same years
  // (a stress of 0 is none: one forecast too, forecast-hash-one-law.test.ts).
  it('counts totals equal but for the rounding of their sum as ties', async () => {
    const doc = parseYaml(exampleText) as { name: string; tiers: unknown[] };
    const reversed = parseScenario(stringifyYaml({ ...doc, name: 'reversed', tiers: [...doc.tiers].reverse(), stress: { leads: 1e-300 } }), 'reversed.yaml');
    const [a, b] = await sims(example, reversed);
    expect(anyNonZero(a!, b!, 'revenue')).toBe(true); // the totals do differ, in their last bits
    const cmp = compareSimulations([a!, b!]);
    for (const metric of ['revenue', 'bookings', 'endingArr'] as const) {
      const d = cmp.metrics[metric].differences[0]!;
      expect(d.probabilityBelow.value, metric).toBe(0);
      expect(Math.abs(d.mean), metric).toBeLessThan(1e-6);
      expect(compareSimulations([b!, a!]).metrics[metric].differences[0]!.probabilityBelow.value, metric).toBe(0);
    }
    for (const tier of cmp.sharedTiers) expect(cmp.byTier[tier]!.revenue.differences[0]!.probabilityBelow.value).toBe(0);
  });
});
