import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { describeDistribution, describeWithYearLevel, scenarioAssumptions } from '../../src/report/assumptions.js';
import { ROOT } from '../helpers/fixtures.js';

describe('a distribution in words a planner recognises', () => {
  it.each([
    [{ dist: 'beta', mean: 0.03, sd: 0.004 }, 'rate', 'beta, mean 3%, sd 0.4%'],
    [{ dist: 'beta', alpha: 2, beta: 8 }, 'rate', 'beta, alpha 2, beta 8 (mean 20.0%, sd 12.1%)'],
    [{ dist: 'lognormal', median: 150000, p90: 400000 }, 'money', 'lognormal, median $150k, P90 $400k (mean $201k)'],
    [{ dist: 'lognormal', mean: 45000, sd: 25000 }, 'money', 'lognormal, mean $45k, sd $25k (median $39.3k)'],
    [{ dist: 'lognormal', p10: 1000, p90: 4000 }, 'money', 'lognormal, P10 $1k, P90 $4k (median $2.00k, mean $2.32k)'],
    [{ dist: 'lognormal', mu: 0, sigma: 1 }, 'money', 'lognormal, mu 0, sigma 1 of log (median $1.00, P90 $3.60, mean $1.65)'],
    [0.03, 'rate', '3% (fixed)'],
    [{ dist: 'fixed', value: 6 }, 'months', '6 months (fixed)'],
    [{ dist: 'uniform', min: 0.8, max: 0.9 }, 'rate', 'uniform, 80% to 90%'],
    [{ dist: 'triangular', min: 10, mode: 20, max: 60 }, 'count', 'triangular, min 10, most likely 20, max 60 (mean 30)'],
    [{ dist: 'pert', min: 0.03, mode: 0.05, max: 0.08 }, 'rate', 'PERT, min 3%, most likely 5%, max 8% (mean 5.2%)'],
    [{ dist: 'normal', mean: 100, sd: 10, min: 0 }, 'count', 'normal, mean 100, sd 10, at least 0'],
    [{ dist: 'poisson', mean: 2700 }, 'count', 'Poisson, mean 2,700'],
    [{ dist: 'negativeBinomial', mean: 600, dispersion: 40 }, 'count', 'negative binomial, mean 600, dispersion 40 (sd 97.98)'],
    [{ dist: 'discrete', values: [0, 1], weights: [0.6, 0.4] }, 'months', 'discrete: 0 months (60%), 1 month (40%)'],
    // Observed data, by the estimate rule, never marked "≈" as a typed figure rounded is (was 'from ≈$18.2346M').
    [{ dist: 'empirical', values: [0.8, 0.9, 1] }, 'rate', 'empirical, 3 observed values from 80.0% to 100.0% (mean 90.0%)'],
    [{ dist: 'empirical', values: [18_234_567.89, 20_000_000] }, 'money', 'empirical, 2 observed values from $18.2M to $20.0M (mean $19.1M)'],
    [{ dist: 'quantiles', quantiles: { p90: 0.95, p10: 0.88, p50: 0.92 }, lower: 0, upper: 1 }, 'rate', 'metalog fitted to P10 88%, P50 92%, P90 95%, bounded to [0%, 100%]'],
  ] as const)('%j as %s', (spec, unit, text) => {
    expect(describeDistribution(spec as never, unit, '$')).toBe(text);
  });

  it('lists at most 8 discrete values', () => {
    const text = describeDistribution({ dist: 'discrete', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], weights: Array(10).fill(1) }, 'count', '$');
    expect(text.endsWith(', and 2 more')).toBe(true);
  });
});

describe('the assumptions of a scenario', () => {
  const loaded = parseScenario(readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'), 'example.yaml');
  const a = scenarioAssumptions(loaded.scenario, '$');
  const sentences = a.tiers.flatMap((t) => t.drivers.map((d) => d.sentence));

  it('describes every driver of every tier', () => {
    expect(a.tiers.map((t) => t.tier)).toEqual(['SMB', 'Mid-market', 'Enterprise']);
    expect(sentences).toContain('SMB conversion: beta, mean 3%, sd 0.4%');
    expect(sentences).toContain('Enterprise ACV: lognormal, median $150k, P90 $400k (mean $201k)');
    expect(sentences).toContain('SMB sales cycle: discrete: 0 months (60%), 1 month (40%)');
    expect(sentences).toContain('Mid-market renewal rate: metalog fitted to P10 88%, P50 92%, P90 95%, bounded to [0%, 100%]');
    expect(sentences).toContain('Enterprise price uplift: PERT, min 3%, most likely 5%, max 8% (mean 5.2%)');
    const smb = a.tiers[0]!.drivers.map((d) => d.driver);
    expect(smb).toEqual([
      'Opening ARR',
      'Customers',
      'Renewal calendar',
      'Renewal rate',
      'Price uplift',
      'Contraction probability',
      'Contraction size (share of ARR lost)',
      'Expansion probability',
      'Expansion size (share of ARR added)',
      'Leads per month',
      'Seasonality (relative lead volume)',
      'Conversion',
      'Sales cycle',
      'ACV',
      'New-customer expansion probability',
      'New-customer expansion size',
      'New-customer expansion timing',
    ]);
  });

  it('writes calendars by month name, from the fiscal year start', () => {
    const calendar = a.tiers[1]!.drivers.find((d) => d.driver === 'Renewal calendar')!.description;
    expect(calendar.startsWith('Feb 6%, Mar 6%, Apr 8%')).toBe(true);
    expect(calendar.endsWith('Jan 15% (100.0% of the book renews this year)')).toBe(true);
  });

  it('gives the market loadings', () => {
    expect(a.market.map((m) => [m.driver, m.loading])).toEqual([
      ['Lead volume', 0.15],
      ['Conversion', 0.2],
      ['ACV of new deals', 0.05],
      ['Renewal rate', 0.3],
      ['Contraction probability', 0.2],
      ['Expansion probabilities', 0.25],
    ]);
  });
});

describe('a driver with a year-level layer, in words', () => {
  it('gives the unit-level distribution at the planned level, then the year-level distribution of its mean or median', () => {
    expect(describeWithYearLevel({ dist: 'poisson', mean: { dist: 'lognormal', p10: 2000, p90: 3000 } }, 'count', '$')).toBe(
      "Poisson, mean 2,449.49; this year's mean: lognormal, P10 2,000, P90 3,000 (median 2,449.49, mean 2,480.33), drawn once per trial",
    );
    expect(describeWithYearLevel({ dist: 'lognormal', median: { dist: 'pert', min: 9000, mode: 11000, max: 14000 }, p90: 24000 }, 'money', '$')).toBe(
      "lognormal, median $11k, P90 $24k (mean $13.2k); this year's median: PERT, min $9k, most likely $11k, max $14k (mean $11.2k), drawn once per trial",
    );
    // The PERT's mode is typed: the median it stands for reads as the mode does ("median $7k ... most likely $7k", smb-lead-driven's ACV), where "median $7.00k" was written.
    expect(describeWithYearLevel({ dist: 'lognormal', median: { dist: 'pert', min: 6000, mode: 7000, max: 8500 }, p90: 16000 }, 'money', '$')).toMatch(/^lognormal, median \$7k, P90 \$16k .*most likely \$7k,/);
    expect(describeWithYearLevel({ dist: 'poisson', mean: 1800 }, 'count', '$')).toBe('Poisson, mean 1,800');
  });
});

describe('an input the planner wrote is echoed exactly; what arrcast derived, at an estimate’s digits', () => {
  it.each([
    // The example's SMB ACV, written median 11000, P90 24000: not "median $11.0k".
    [{ dist: 'lognormal', median: 11000, p90: 24000 }, 'money', 'lognormal, median $11k, P90 $24k (mean $13.2k)'],
    // Digits an estimate's three would drop: 0.1235 read 12.4%, 119,996 read $120k.
    [{ dist: 'beta', mean: 0.1235, sd: 0.0125 }, 'rate', 'beta, mean 12.35%, sd 1.25%'],
    [{ dist: 'uniform', min: 119_996, max: 250_500 }, 'money', 'uniform, $119.996k to $250.5k'],
    [{ dist: 'normal', mean: 0.07, sd: 0.01, min: 0 }, 'rate', 'normal, mean 7%, sd 1%, at least 0%'],
    [{ dist: 'negativeBinomial', mean: 12.5, dispersion: 2.25 }, 'count', 'negative binomial, mean 12.5, dispersion 2.25 (sd 9.05)'],
    // Weights a planner wrote as shares, adding up to 0.9999999999999999 in binary: echoed as written, not derived (30.0%).
    [{ dist: 'discrete', values: [1, 2, 3], weights: [0.3, 0.6, 0.1] }, 'months', 'discrete: 1 month (30%), 2 months (60%), 3 months (10%)'],
    // Weights that do not add up to 1: their shares are derived.
    [{ dist: 'discrete', values: [3, 6], weights: [1, 2] }, 'months', 'discrete: 3 months (33.3%), 6 months (66.7%)'],
  ] as const)('%j as %s', (spec, unit, text) => {
    expect(describeDistribution(spec as never, unit, '$')).toBe(text);
  });
  it('a tier’s stated amounts and shares', () => {
    const a = scenarioAssumptions(parseScenario(readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8'), 'example.yaml').scenario, '$');
    const sentences = a.tiers.flatMap((t) => t.drivers.map((d) => d.sentence));
    expect(sentences).toContain('SMB opening ARR: $18M');
    expect(sentences).toContain('SMB ACV: lognormal, median $11k, P90 $24k (mean $13.2k)');
  });
});
