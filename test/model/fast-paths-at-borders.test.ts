import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { column, meanAndSe, scenarioFrom } from '../helpers/fixtures.js';
import { referenceSimulate, type ReferenceTier } from '../helpers/reference-model.js';
import { ksCritical, twoSampleKs } from '../helpers/stats.js';

/**
 * The model's fast paths at their borders, against the slow reference (test/helpers/reference-model.ts:
 * one unit at a time, every customer its own Bernoulli, every lead its own conversion, every rep on
 * the floor followed, Poisson by plain inversion):
 * - binomial groups (an aggregate book's customers due in a month renew, contract and expand as
 *   Binomial counts; src/random/binomial.ts switches from inversion to BTRS at n min(p, 1 - p) = 10
 *   and flips at p = 1/2): rates 0 and 1, a book of one customer, groups at the switch and a huge one;
 * - the count sampler (leads a month: Poisson inversion below a mean of 10, PTRS from 10; a negative
 *   binomial as a gamma-mixed Poisson) at the switch and at extreme means and dispersions, with
 *   deals from them as Binomial(leads, conversion) at its own switch;
 * - the rep floor's capacity cap at its borders: no capacity, demand just at capacity, every rep
 *   leaving, every hire slipping.
 *
 * Each case: N_FAST engine trials and N_REF reference trials (in process, seeds fixed), a two-sample KS
 * test at ALPHA and a difference of means within Z_MEAN of its standard error. Power: the means' test
 * finds a bias of (Z_MEAN + 1.28) = 5.28 standard errors of the difference 90% of the time, which for a
 * Poisson count of mean m is 5.28 sqrt(m (1 / N_FAST + 1 / N_REF)) = 0.20 sqrt(m) (2% of a count of
 * mean 100, 0.2% at 10,000); the KS test finds a shift of the whole distribution by 1.95 / sqrt(n_e) of
 * its mass at 1 - ALPHA, about 7.5% of the mass at n_e = 667 (Kolmogorov's 1e-4 point 1.95).
 */
const N_FAST = 2000;
const N_REF = 1000;
const ALPHA = 1e-4;
const Z_MEAN = 4;

const sixDigits = (x: number) => Number(x.toPrecision(6));

type Pick = [key: string, pick: (t: ReferenceTier) => number];

/** Engine and reference on one single-tier scenario: KS and means on each key (a single tier's columns are the company's). */
async function agree(yaml: string, picks: readonly Pick[], seed: string): Promise<void> {
  const loaded = scenarioFrom(yaml);
  const sim = await simulate(loaded, { trials: N_FAST, seed, workers: 0 });
  const ref = referenceSimulate(loaded.scenario, N_REF, `reference/${seed}`);
  const crit = ksCritical((N_FAST * N_REF) / (N_FAST + N_REF), ALPHA);
  for (const [key, pick] of picks) {
    // Both to 6 significant digits: the engine stores single precision and sums in another order, so
    // a value both take (a lone customer's revenue of 51,458.33) would split into two a bit apart, a
    // step of the KS distance as large as its share of trials (D = 0.30 on the one-customer book).
    const fast = Float64Array.from(column(sim, key), sixDigits);
    const slow = Float64Array.from(ref, (t) => sixDigits(pick(t.tiers.T!)));
    const d = twoSampleKs(fast, slow);
    const f = meanAndSe(fast);
    const s = meanAndSe(slow);
    expect(d, `${seed} ${key}: KS D = ${d} against ${crit}`).toBeLessThanOrEqual(crit);
    expect(Math.abs(f.mean - s.mean), `${seed} ${key}: means ${f.mean} (engine) and ${s.mean} (reference)`).toBeLessThanOrEqual(Z_MEAN * Math.hypot(f.se, s.se) + 1e-9 * Math.abs(s.mean));
  }
}

const BOOK: Pick[] = [
  ['customersLost', (t) => t.customersLost],
  ['endingArr', (t) => t.endingArr],
  ['revenue', (t) => t.revenue],
];

const book = (existing: string) => `
name: book at its borders
tiers:
  - name: T
    existing:
${existing}`;

describe('binomial groups (an aggregate book) against one Bernoulli a customer', () => {
  it.each([
    ['renewal 0: everyone churns', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 0\n      priceUplift: 0.03'],
    ['renewal 1, contraction and expansion certain', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 1\n      priceUplift: 0.03\n      contraction: { probability: 1, size: 0.1 }\n      expansion: { probability: 1, size: 0.2 }'],
    ['renewal 1, contraction 0, expansion 1', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 1\n      priceUplift: 0\n      contraction: { probability: 0, size: 0.1 }\n      expansion: { probability: 1, size: { dist: lognormal, median: 0.2, p90: 0.5 } }'],
    ['a book of one customer', 'customers: 1\n      openingArr: 50000\n      renewalRate: { dist: beta, mean: 0.7, sd: 0.1 }\n      priceUplift: 0.05\n      contraction: { probability: 0.3, size: 0.2 }\n      expansion: { probability: 0.5, size: 0.4 }'],
    // 12 customers a month: n p = 10.2 at p 0.85 flipped to 1.8 (inversion), and around p = 1/2 (BTRS, no flip / flip).
    ['groups across the inversion/BTRS switch and the flip at 1/2', 'customers: 240\n      openingArr: 2400000\n      renewalRate: { dist: pert, min: 0.3, mode: 0.5, max: 0.7 }\n      priceUplift: 0\n      contraction: { probability: { dist: pert, min: 0.4, mode: 0.5, max: 0.6 }, size: 0.5 }'],
    ['a huge book: 24,000 customers, 2,000 due a month', 'customers: 24000\n      openingArr: 240000000\n      renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }\n      priceUplift: 0.02\n      contraction: { probability: 0.05, size: 0.3 }\n      expansion: { probability: 0.1, size: 0.5 }'],
  ])('%s', async (name, existing) => {
    await agree(book(`      ${existing}\n`), BOOK, `book ${name}`);
  });
});

const LEADS: Pick[] = [
  ['tier.T.leads', (t) => t.leads],
  ['customersWon', (t) => t.customersWon],
  ['bookings', (t) => t.bookings],
];

const leads = (leadsPerMonth: string, conversion = '0.1', extra = '') => `
name: counts at their borders
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${leadsPerMonth}
      conversion: ${conversion}
      acv: 1000
${extra}`;

describe('the count sampler (leads a month) and the deals drawn from it against the plain reference', () => {
  it.each([
    // Seasonality puts months on both sides of the Poisson switch at 10 (9.5 .. 10.5).
    ['Poisson across its switch at a mean of 10', leads('{ dist: poisson, mean: 10 }', '0.5', '      seasonality: [0.95, 1.05, 0.99, 1.01, 0.999, 1.001, 1, 1, 0.96, 1.04, 0.98, 1.02]\n')],
    ['Poisson at a tiny mean (0.001 a month)', leads('{ dist: poisson, mean: 0.001 }', '1')],
    ['Poisson at a huge mean (20,000 a month), deals by BTRS', leads('{ dist: poisson, mean: 20000 }', '0.01')],
    // 100 leads at conversion 0.1: n p near 10, the binomial's switch, month after month.
    ['deals across the binomial switch (about 100 leads at 10%)', leads('{ dist: poisson, mean: 100 }', '{ dist: pert, min: 0.08, mode: 0.1, max: 0.12 }')],
    ['negative binomial of tiny dispersion (0.05: mostly zeros, a few huge months)', leads('{ dist: negativeBinomial, mean: 50, dispersion: 0.05 }')],
    ['negative binomial of huge dispersion (1e6: Poisson in effect)', leads('{ dist: negativeBinomial, mean: 50, dispersion: 1000000 }')],
    ['negative binomial at a mean of 10 with a year-level mean', leads('{ dist: negativeBinomial, mean: { dist: pert, min: 5, mode: 10, max: 15 }, dispersion: 2 }', '0.5')],
    ['a number, rounded at random, under a market loading and a warm start', `${leads('7.5', '0.5', '      salesCycleMonths: 2\n')}market: { loadings: { leads: 0.8 } }\n`],
  ])('%s', async (name, yaml) => {
    await agree(yaml, LEADS, `counts ${name}`);
  });
});

const REPS: Pick[] = [
  ['tier.T.reps.headcount', (t) => t.headcount],
  ['tier.T.reps.capacity.deals', (t) => t.capacityDeals],
  ['tier.T.deals.overCapacity', (t) => t.overCapacity],
  ['customersWon', (t) => t.customersWon],
];

const reps = (body: string, leadsPerMonth = '{ dist: poisson, mean: 20 }') => `
name: rep floor at its borders
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: ${leadsPerMonth}
      conversion: 0.5
      acv: 1000
      reps: ${body}
`;

describe('the rep floor and its capacity cap at their borders against rep-by-rep reference', () => {
  it.each([
    ['no reps at all: every deal over capacity', reps('{ start: 0, capacity: 5 }')],
    ['capacity exactly the mean demand (10 deals a month)', reps('{ start: 2, capacity: 5 }')],
    ['capacity exactly the mean demand, carried over', reps('{ start: 2, capacity: 5, overflow: carry }')],
    ['every rep leaves in the first month (attrition 1)', reps('{ start: 3, hires: [0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], attrition: 1, capacity: 4 }')],
    ['every hire slips (probability 1), by 1 to 12 months', reps('{ start: 0, hires: [2, 2, 2, 0, 0, 0, 0, 0, 0, 2, 2, 2], hireSlip: { probability: 1, months: { dist: discrete, values: [1, 12], weights: [1, 1] } }, ramp: [0, 0.5], capacity: 6 }')],
    ['a fractional capacity, rep-sourced deals only (rep-driven)', `
name: rep floor at its borders
tiers:
  - name: T
    newBusiness:
      acv: 1000
      reps: { start: 3, hires: [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0], attrition: { dist: beta, mean: 0.05, sd: 0.03 }, ramp: [0.3, 0.7], sourcedDealsPerMonth: { dist: pert, min: 0.5, mode: 1, max: 1.5 }, capacity: 0.75, overflow: carry }
`],
  ])('%s', async (name, yaml) => {
    await agree(yaml, REPS, `reps ${name}`);
  });
});
