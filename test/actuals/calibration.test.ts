import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioFrom, writeFiles } from '../helpers/fixtures.js';
import { ksCritical } from '../helpers/stats.js';
import { calibrationPits, calibrationProblems, pitsOf, trueYears, type TrueYear } from './calibration-helpers.js';

/**
 * Calibration by construction (issue 15): draw a "true" year from the scenario, hand its first k
 * months to a re-forecast as actuals, and see where the true year-end revenue and ending ARR fall
 * in it. Over 200 true years the PITs must be uniform (KS at 1%, Stephens' critical value), over
 * all years and within each half split by the evidence; and the same check must fail when
 * learning is skipped (the prior instead of the posterior) or overdone (the likelihood counted
 * four times: a posterior too narrow). Each re-forecast: 300 trials, one chain, seeded.
 */
const KS = (n: number) => ksCritical(n, 0.01);
const YEARS = 200;
const TRIALS = 300;

const LEAD_DRIVEN = `
name: calibration, lead-driven
trials: 1000
seed: 1
market:
  loadings: { leads: 0.15, conversion: 0.3, acv: 0.1, renewal: 0.4 }
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 100
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.85, sd: 0.08 }
      priceUplift: 0.03
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 1000, p90: 1400 } }
      conversion: { dist: beta, mean: 0.05, sd: 0.02 }
      salesCycleMonths: { dist: discrete, values: [0, 1, 2], weights: [0.5, 0.3, 0.2] }
      acv: { dist: lognormal, median: { dist: lognormal, median: 10000, p90: 14000 }, p90: 20000 }
`;

describe('calibration by construction: a lead-driven tier with an aggregate book', () => {
  const loaded = scenarioFrom(LEAD_DRIVEN);
  // The 200 true years after 6 months and their compiled re-forecasts, drawn once for the check and
  // its two companions (skipped and overdone learning re-forecast the very same years).
  let sixMonths: TrueYear[] | undefined;
  const yearsAt = (k: number) => (k === 6 ? (sixMonths ??= trueYears(loaded, 6, YEARS, 'lead-6')) : trueYears(loaded, k, YEARS, `lead-${k}`));
  afterAll(() => {
    sixMonths = undefined;
  });

  for (const k of [3, 6, 9])
    it(`after ${k} closed months the PITs of year-end revenue and ending ARR are uniform`, () => {
      expect(calibrationProblems(pitsOf(yearsAt(k), TRIALS), KS)).toEqual([]);
    }, 120_000);

  it('fails when learning is skipped (the prior) or overdone (likelihood x 4)', () => {
    expect(calibrationProblems(pitsOf(yearsAt(6), TRIALS, { learn: false }), KS)).not.toEqual([]);
    expect(calibrationProblems(pitsOf(yearsAt(6), TRIALS, { overdo: 4 }), KS)).not.toEqual([]);
  }, 120_000);
});

/** 160 annual customers renewing through the year (and 40 after it), sizes and health varied. */
function customers(): string {
  const lines = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator'];
  for (let i = 0; i < 200; i++) {
    const arr = 8000 + ((i * 7919) % 17) * 1500;
    const next = i < 160 ? 1 + (i % 12) : 13 + (i % 10);
    lines.push(`c${i},Book,${arr},${next},${i < 160 ? 12 : 24},${i % 4},${(0.3 + ((i * 37) % 60) / 100).toFixed(2)},`);
  }
  return lines.join('\n') + '\n';
}

const BOOK_AND_REPS = `
name: calibration, customer book and reps
trials: 1000
seed: 2
market:
  loadings: { leads: 0.2, conversion: 0.3, acv: 0.1, renewal: 0.4 }
tiers:
  - name: Book
    existing:
      customersFile: customers.csv
      renewalRate: { dist: beta, mean: 0.85, sd: 0.07 }
      renewalAdjustments: { perArrDoubling: 0.3, firstRenewal: -0.5, perRenewalAfterFirst: 0.1, health: 1 }
      priceUplift: 0.03
    newBusiness:
      leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, median: 600, p90: 800 }, dispersion: 60 }
      conversion: { dist: beta, mean: 0.06, sd: 0.02 }
      salesCycleMonths: { dist: discrete, values: [0, 1], weights: [0.6, 0.4] }
      acv: { dist: lognormal, median: { dist: lognormal, median: 20000, p90: 26000 }, p90: 40000 }
      reps:
        start: 8
        hires: [1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
        attrition: { dist: beta, mean: 0.02, sd: 0.01 }
        ramp: [0.2, 0.5, 0.8]
        capacity: { dist: pert, min: 3, mode: 5, max: 7 }
`;

/**
 * With reps, deals are capped by the floor's capacity, and the floor (hires, attrition, capacity)
 * is not learned: deals then teach neither conversion nor capacity, and the re-forecast draws them
 * from the prior. It stays calibrated over all years (the check below) but not within the halves
 * split by the evidence (a stated limit of the method, see the README); the book's renewals, the
 * leads and the ACV are learned.
 */
describe('calibration by construction: a customer book and reps', async () => {
  const dir = writeFiles({ 'book.yaml': BOOK_AND_REPS, 'customers.csv': customers() });
  const loaded = await loadScenario(`${dir}/book.yaml`);
  for (const k of [3, 6, 9])
    it(`after ${k} closed months the PITs of year-end revenue and ending ARR are uniform`, () => {
      expect(calibrationProblems(calibrationPits(loaded, k, YEARS, TRIALS, `book-${k}`), KS, { byEvidence: false })).toEqual([]);
    }, 120_000);
});
