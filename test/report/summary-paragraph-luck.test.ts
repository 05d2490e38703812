import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryParagraph } from '../../src/report/summary-paragraph.js';
import { summaryTable, whatMustBeTrueLine } from '../../src/report/summary-table.js';
import { varianceShareFormat } from '../../src/report/variance-share-format.js';
import { run } from '../helpers/fixtures.js';
import { betaCdf } from '../helpers/stats.js';

/**
 * A few large deals a year: 5 leads a month (Poisson), this year's conversion p ~ Beta(mean 0.2,
 * sd 0.04), each deal's ACV lognormal (median 100k, P90 400k), no sales cycle. Deals of month m are
 * Poisson(5 p), each recognised for w_m = (13 - m) / 12 of a year, so with Σ w = 6.5 and
 * Σ w² = 650 / 144:
 *   Var(E[revenue | p]) = (5 x 6.5 x E[A])² sd²,  E[Var(revenue | p)] = 5 mu E[A²] x 650 / 144,
 * E[A] = 100k e^(σ²/2), E[A²] = 1e10 e^(2σ²), σ = ln 4 / 1.28155. Conversion's share is about 10%;
 * the other 90% is which leads close and how large each deal is. The paragraph called conversion
 * "the biggest source of risk, which accounts for 10.4% of the swing".
 */
const YAML = `name: Few large deals
tiers:
  - name: Ent
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 5 }
      conversion: { dist: beta, mean: 0.2, sd: 0.04 }
      acv: { dist: lognormal, median: 100000, p90: 400000 }
`;

/** The one run of it both tests below read (2,000 trials, seed 2), simulated once for the file. */
let fewLargeDeals: ReturnType<typeof run> | undefined;
const fewLargeDealsRun = () => (fewLargeDeals ??= run(YAML, 2_000, 2));

describe('the summary paragraph when unit-level luck carries more of the variance than any driver', () => {
  it('says luck is the biggest source of risk, with the share the tables write, and the biggest driver after it', async () => {
    const summary = summarize(await fewLargeDealsRun());
    const s = summary.sensitivity;
    const conversion = s.drivers[0]!;
    expect(conversion.label).toBe('Ent conversion');
    // The premise, against the closed form: conversion's share is about 10%, within 4 standard errors.
    const sigma = Math.log(4) / 1.2815515655446004;
    const [ea, ea2] = [1e5 * Math.exp(sigma ** 2 / 2), 1e10 * Math.exp(2 * sigma ** 2)];
    const between = (5 * 6.5 * ea) ** 2 * 0.04 ** 2;
    const within = 5 * 0.2 * ea2 * (650 / 144);
    const truth = between / (between + within);
    expect(Math.abs(conversion.varianceShare! - truth)).toBeLessThanOrEqual(4 * conversion.varianceShareStandardError!);
    expect(s.unexplained.value!).toBeGreaterThan(conversion.varianceShare!);

    const pct = varianceShareFormat(s);
    const p = summaryParagraph(summary);
    expect(p).toContain(
      `The biggest source of risk is deal-by-deal and customer-by-customer luck and the drivers' interactions, which account for ${pct(s.unexplained.value!)} of the year-to-year swing in revenue; of the drivers, the biggest is how many Ent leads become customers (${pct(conversion.varianceShare!)}).`,
    );
    expect(p).not.toContain('The biggest source of risk is how many');
    // No driver shown above 0 by its interval (dec18's rule) and luck still the largest share: luck is
    // named first all the same, and the drivers said to need more trials, not named.
    const unshown = structuredClone(summary);
    Object.assign(unshown.sensitivity.drivers[0]!, { varianceShareInterval: [-0.01, conversion.varianceShareInterval![1]] });
    const q = summaryParagraph(unshown);
    expect(q).toContain(
      `The biggest source of risk is deal-by-deal and customer-by-customer luck and the drivers' interactions, which account for ${pct(s.unexplained.value!)} of the year-to-year swing in revenue; no driver's share of 1% or more of it is shown to be above 0 at 2,000 trials (each such share's 95% interval reaches 0); more trials would tell.`,
    );
    expect(q).not.toContain('how many Ent leads become customers');
    // The luck's share as the terminal's table writes it.
    expect(summaryTable(summary)).toMatch(new RegExp(`Unit-level luck and interactions +${pct(s.unexplained.value!).replace('.', '\\.')}`));
  });
});

/** The Beta(mean 0.2, sd 0.04)'s u-quantile, by bisection of the test helpers' incomplete beta. */
function conversionQuantile(u: number): number {
  const nu = (0.2 * 0.8) / 0.04 ** 2 - 1;
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, 0.2 * nu, 0.8 * nu) < u) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A target no single driver brings to the median when the scenario has one driver that moves the
 * metric at all: the line said "it takes several together", naming drivers the scenario does not
 * have. The years that reach it are the lucky ones (a few large deals a year).
 *
 * One tier: 5 leads a month (Poisson), this year's conversion p ~ Beta(mean 0.2, sd 0.04), each deal's
 * ACV lognormal (median 100k, P90 400k, so E[A] = 100k e^(σ²/2), σ = ln 4 / 1.28155), no sales cycle:
 * E[revenue | p] = 5 x 6.5 x E[A] x p. Revenue given p is right-skewed (a few lognormal deals), so its
 * median lies below that mean: a target above the mean at conversion's P99 is beyond the median any
 * conversion year up to its P99 gives. The same scenario and run as the paragraph's test above.
 */
describe('what must be true when one driver alone moves the metric and cannot get there', () => {
  it('names that driver as the only one, and the luck the years that reach it take, not "several together"', async () => {
    const sim = await fewLargeDealsRun();
    const meanAtP99 = 5 * 6.5 * 1e5 * Math.exp((Math.log(4) / 1.2815515655446004) ** 2 / 2) * conversionQuantile(0.99);
    const target = 1.1 * meanAtP99;
    const w = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: target, label: 'stretch' }] } }).whatMustBeTrue[0]!;
    // The premise: some years reach it (by luck), and the one driver cannot bring the median there.
    expect(w.trialsReaching).toBeGreaterThan(0);
    expect(w.drivers.map((d) => [d.label, d.reach])).toEqual([['Ent conversion', 'never']]);
    expect(w.notShown).toBeUndefined();
    expect(w.noSingleDriver).toBe(true);
    const line = whatMustBeTrueLine(w);
    expect(line).toMatch(/^For stretch to be the median outcome \(P50 now [\d.]+[kM]\): Ent conversion, the only driver that moves it, does not get there within the range the scenario allows \(its P1 to P99 years\); the years that reach it take a rarer year for it or deal-by-deal and customer-by-customer luck\.$/);
    expect(line).not.toContain('several together');
  });
});

/**
 * Leads loaded 2.5 on the market, nothing else uncertain: E[revenue | z] = k e^(2.5 z - 2.5² / 2) with
 * k = 6.5 x 400 x 0.05 x 10,000, so the market's true share is k² (e^(2.5²) - 1) / (that + 10,000² x
 * (650 / 144) x 400 x 0.05): 99.999%. A line in each of K equal-count bins read it at 44% (2,000
 * trials, seed 8), luck's point estimate 56%, and the paragraph, comparing points, named luck the
 * biggest source of risk (it now names luck first only when the intervals show it larger). With the
 * tails' bins of December 2026 (tail-bins.ts) the share reads 99.7%, its interval covering the truth.
 */
const CURVED = `name: Curved in the market
market:
  loadings:
    leads: 2.5
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 400 }
      conversion: 0.05
      acv: 10000
`;

describe('the summary paragraph when revenue curves strongly in the market', () => {
  it("reads the market's share within its interval of the closed form, and names the market first", async () => {
    const summary = summarize(await run(CURVED, 2_000, 8));
    const s = summary.sensitivity;
    const market = s.drivers[0]!;
    expect(market.label).toBe('Market');
    const k = 6.5 * 400 * 0.05 * 10_000;
    const between = k ** 2 * (Math.exp(2.5 ** 2) - 1);
    const truth = between / (between + 10_000 ** 2 * (650 / 144) * 400 * 0.05);
    expect(truth).toBeGreaterThan(0.9999);
    expect(market.varianceShareInterval![0]).toBeLessThanOrEqual(truth);
    expect(market.varianceShareInterval![1]).toBeGreaterThanOrEqual(truth);
    // Luck's share, 1 - truth = 0.001%, inside its interval; far below the market's.
    expect(s.unexplained.interval![0]).toBeLessThanOrEqual(1 - truth);
    expect(s.unexplained.interval![1]).toBeLessThan(market.varianceShareInterval![0]);
    const p = summaryParagraph(summary);
    expect(p).toContain(`The biggest source of risk is the market as a whole`);
    expect(p).toContain(`accounts for ${varianceShareFormat(s)(market.varianceShare!)} of the year-to-year swing in revenue`);
    expect(p).not.toContain('The biggest source of risk is deal-by-deal');
  });
});
