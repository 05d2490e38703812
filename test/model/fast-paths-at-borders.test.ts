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
 * Each case: N_FAST engine trials and N_REF reference trials (in process, seeds fixed; some cases a
 * multiple of both), a two-sample KS test at ALPHA and a difference of means within Z_MEAN of its
 * standard error. Rates and levels are fixed numbers except where a year-level draw is what the case
 * tests: a year-level draw adds its spread to every trial and blunts the means' test (the huge book's
 * beta renewal of sd 0.02 made 4 SE about 74 lost customers). Power: the means' test finds a bias of
 * (Z_MEAN + 1.28) = 5.28 standard errors of the difference 90% of the time (a bias of exactly 4 SE half
 * the time); for a Poisson-like count of mean m that is 5.28 sqrt(m (1 / N_FAST + 1 / N_REF)) =
 * 0.20 sqrt(m), and each case below states its own (the 90% bias, from its standard errors at these
 * seeds). The KS test's critical distance at ALPHA = 1e-4 is 2.23 / sqrt(n_e) = 8.6% of the mass at
 * n_e = 667 (Kolmogorov's 1e-4 point 2.23): a true distance of 8.6% is found about half the time, one
 * of about 11% 90% of the time (plus 1.28 times 0.5 sqrt(1 / N_FAST + 1 / N_REF) = 0.019, the largest
 * standard error of the two empirical distributions' difference at a point).
 */
const N_FAST = 2000;
const N_REF = 1000;
const ALPHA = 1e-4;
const Z_MEAN = 4;

const sixDigits = (x: number) => Number(x.toPrecision(6));

type Pick = [key: string, pick: (t: ReferenceTier) => number];

/** Engine and reference on one single-tier scenario: KS and means on each key (a single tier's columns are the company's). */
async function agree(yaml: string, picks: readonly Pick[], seed: string, scale = 1): Promise<void> {
  const loaded = scenarioFrom(yaml);
  const nFast = N_FAST * scale;
  const nRef = N_REF * scale;
  const sim = await simulate(loaded, { trials: nFast, seed, workers: 0 });
  const ref = referenceSimulate(loaded.scenario, nRef, `reference/${seed}`);
  const crit = ksCritical((nFast * nRef) / (nFast + nRef), ALPHA);
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

/*
 * The means' test's 90% bias on customersLost / endingArr / revenue (5.28 standard errors of the
 * difference at these seeds): rates 0 and 1, none, or 0.22% of ending ARR; one customer 0.09 customers
 * lost, 14% and 7.4%; the switch 1.9 customers (1.3%), 1.0% and 0.42%; the huge book 9.4 customers
 * (0.39%: one more lost a month in a flipped BTRS draw, 12 a year, is 6.8 SE, found nearly always),
 * 0.049% and 0.029%.
 */
describe('binomial groups (an aggregate book) against one Bernoulli a customer', () => {
  it.each([
    ['renewal 0: everyone churns', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 0\n      priceUplift: 0.03'],
    ['renewal 1, contraction and expansion certain', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 1\n      priceUplift: 0.03\n      contraction: { probability: 1, size: 0.1 }\n      expansion: { probability: 1, size: 0.2 }'],
    ['renewal 1, contraction 0, expansion 1', 'customers: 240\n      openingArr: 2400000\n      renewalRate: 1\n      priceUplift: 0\n      contraction: { probability: 0, size: 0.1 }\n      expansion: { probability: 1, size: { dist: lognormal, median: 0.2, p90: 0.5 } }'],
    ['a book of one customer', 'customers: 1\n      openingArr: 50000\n      renewalRate: 0.7\n      priceUplift: 0.05\n      contraction: { probability: 0.3, size: 0.2 }\n      expansion: { probability: 0.5, size: 0.4 }'],
    // 20 and 40 customers due in alternate months. Renewals at 0.6 are drawn flipped (e = 0.4): n e = 8
    // by inversion, 16 by BTRS; contractions at 0.45 of the renewed (about 12 and 24), unflipped: n e
    // about 5.4 by inversion and 10.8 by BTRS, either side of the switch at 10; expansion at 1/2
    // exactly, unflipped (p > 1/2 flips). Logged once by hand (100 trials): renewals 600 inversion and
    // 600 BTRS draws, all flipped; contractions 785 inversion and 415 BTRS, none flipped.
    ['groups across the inversion/BTRS switch, flipped and not, and at p = 1/2', `customers: 360\n      openingArr: 3600000\n      renewalCalendar: [${Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 0.05555 : 0.1111)).join(', ')}]\n      renewalRate: 0.6\n      priceUplift: 0\n      contraction: { probability: 0.45, size: 0.5 }\n      expansion: { probability: 0.5, size: 0.2 }`],
    ['a huge book: 24,000 customers, 2,000 due a month', 'customers: 24000\n      openingArr: 240000000\n      renewalRate: 0.9\n      priceUplift: 0.02\n      contraction: { probability: 0.05, size: 0.3 }\n      expansion: { probability: 0.1, size: 0.5 }'],
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

/*
 * The means' test's 90% bias on leads / customersWon (bookings as customersWon: ACV 1,000): Poisson
 * at 10, 1.9% / 2.7%; at 0.001, 0.023 / 0.023 (a mean of 0.013: the KS test is the one that counts
 * there); at 20,000, 0.042% / 0.41%; deals across the switch, 0.60% / 1.9%; dispersion 0.05, 27% /
 * 27% (the gamma mixture's own spread, relative sd 1 / sqrt(12 k) = 1.3 a year: tested for its shape,
 * not its mean); dispersion 0.9 at twice the trials, 4.5% / 4.8% (gamma's boost exponent 0.9 / k for
 * 1 / k, a mean 5.6% high, is found nearly always); dispersion 1e6, 0.82% / 2.5%; a year-level mean,
 * 5.8% / 6.1%; the number rounded at random under the market, 18% / 18% (the market's spread).
 */
describe('the count sampler (leads a month) and the deals drawn from it against the plain reference', () => {
  it.each([
    // Seasonality puts months on both sides of the Poisson switch at 10 (9.5 .. 10.5).
    ['Poisson across its switch at a mean of 10', leads('{ dist: poisson, mean: 10 }', '0.5', '      seasonality: [0.95, 1.05, 0.99, 1.01, 0.999, 1.001, 1, 1, 0.96, 1.04, 0.98, 1.02]\n')],
    ['Poisson at a tiny mean (0.001 a month)', leads('{ dist: poisson, mean: 0.001 }', '1')],
    ['Poisson at a huge mean (20,000 a month), deals by BTRS', leads('{ dist: poisson, mean: 20000 }', '0.01')],
    // Poisson(100) leads at conversion 0.1: n p about 7 to 13, either side of the binomial's switch at 10.
    ['deals across the binomial switch (about 100 leads at 10%)', leads('{ dist: poisson, mean: 100 }', '0.1')],
    ['negative binomial of tiny dispersion (0.05: mostly zeros, a few huge months)', leads('{ dist: negativeBinomial, mean: 50, dispersion: 0.05 }')],
    // Gamma's boosted shape (below 1) where a bias in it is seen best against the mixture's own spread
    // (relative sd of the year's leads 1 / sqrt(12 k), a bias in the mean of order 1 / (k + 0.9)), at
    // twice the trials.
    ['negative binomial of dispersion 0.9 (a boosted gamma shape), twice the trials', leads('{ dist: negativeBinomial, mean: 50, dispersion: 0.9 }'), 2],
    ['negative binomial of huge dispersion (1e6: Poisson in effect)', leads('{ dist: negativeBinomial, mean: 50, dispersion: 1000000 }')],
    ['negative binomial at a mean of 10 with a year-level mean', leads('{ dist: negativeBinomial, mean: { dist: pert, min: 5, mode: 10, max: 15 }, dispersion: 2 }', '0.5')],
    ['a number, rounded at random, under a market loading and a warm start', `${leads('7.5', '0.5', '      salesCycleMonths: 2\n')}market: { loadings: { leads: 0.8 } }\n`],
  ] as [string, string, number?][])('%s', async (name, yaml, scale) => {
    await agree(yaml, LEADS, `counts ${name}`, scale);
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

/*
 * The means' test's 90% bias on headcount / capacity / deals over capacity / customersWon: every rep
 * leaving 0 / 0 / 1.9% / 0 (no reps at all is the same case from the first month); capacity at the mean demand 0 / 0 / 9.0% / 1.2%, carried
 * over 0 / 0 / 20% / 1.2%; every hire slipping 6.5% / 8.2% / 10% / 4.3%; fractional capacity 5.8% /
 * 4.0% / 11% / 4.2%.
 */
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
      reps: { start: 3, hires: [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0], attrition: 0.05, ramp: [0.3, 0.7], sourcedDealsPerMonth: 1, capacity: 0.75, overflow: carry }
`],
  ])('%s', async (name, yaml) => {
    await agree(yaml, REPS, `reps ${name}`);
  });
});
