import { describe, expect, it } from 'vitest';
import { baseRateForDollarRenewal } from '../../src/model/dollar-renewal.js';
import { planCustomerBook } from '../../src/model/customer-book-plan.js';
import { join } from 'node:path';
import { column, meanAndSe, run, runWithFiles, scenarioErrorLines, scenarioFrom, writeFiles } from '../helpers/fixtures.js';
import { loadScenario } from '../../src/scenario/load.js';

const aggregate = (renewal: string) => `name: Book
trials: 2000
tiers:
  - name: SMB
    existing:
      openingArr: 1200000
      customers: 120
      ${renewal}
      contraction: { probability: 0.1, size: 0.2 }
`;

/** 120 customers due this year, of ARR from 10k to 1.2M, some on their first renewal. */
const BOOK = [
  'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator',
  ...Array.from({ length: 120 }, (_, i) => `c${i},Ent,${10_000 * (1 + ((i * 37) % 120))},${1 + (i % 12)},12,${i % 4},,`),
].join('\n');
const filed = (renewal: string, adjustments = '') => `name: Filed
trials: 2000
tiers:
  - name: Ent
    existing:
      customersFile: book.csv
      ${renewal}${adjustments}
`;
const ADJUSTMENTS = '\n      renewalAdjustments: { perArrDoubling: 0.5, firstRenewal: -0.8 }';

/** Bad renewal inputs and the exact message of each. */
const bad: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    name: 'both rates',
    yaml: aggregate('renewalRate: 0.9\n      dollarRenewalRate: 0.92'),
    expected: ['test.yaml:9:26 tiers[0].existing.dollarRenewalRate: give renewalRate (logo) or dollarRenewalRate, not both'],
  },
  {
    name: 'neither rate',
    yaml: aggregate('priceUplift: 0.03'),
    expected: ['test.yaml:6:7 tiers[0].existing.renewalRate: give renewalRate (logo renewal) or dollarRenewalRate'],
  },
  {
    name: 'a dollar rate as a percent',
    yaml: aggregate('dollarRenewalRate: 92'),
    expected: ['test.yaml:8:26 tiers[0].existing.dollarRenewalRate: a rate must be within [0, 1]; did you mean 0.92 (or 92%)?'],
  },
  {
    name: 'an uncertain dollar rate with per-customer adjustments',
    yaml: filed('dollarRenewalRate: { dist: beta, mean: 0.92, sd: 0.02 }', ADJUSTMENTS),
    expected: [
      "test.yaml:7:26 tiers[0].existing.dollarRenewalRate: with renewalAdjustments, dollarRenewalRate must be a number: the tier's base rate is solved from it customer by customer; for an uncertain rate give renewalRate (the reference customer's logo rate) as a distribution",
    ],
  },
];

describe('dollar renewal input (existing.dollarRenewalRate)', () => {
  it.each(bad.map((c) => [c.name, c] as const))('refuses %s', (_, c) => {
    expect(scenarioErrorLines(() => scenarioFrom(c.yaml))).toEqual(c.expected);
  });

  it('is the logo rate for a book of aggregates: the same trials, draw for draw', async () => {
    const logo = await run(aggregate('renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }'), 2000);
    const dollar = await run(aggregate('dollarRenewalRate: { dist: beta, mean: 0.9, sd: 0.03 }'), 2000);
    for (const key of ['revenue', 'endingArr', 'dollarRenewal', 'driver.SMB.renewalRate']) expect(column(dollar, key)).toEqual(column(logo, key));
  });

  it('is the logo rate for a book from a file without adjustments: the same trials', async () => {
    const logo = await runWithFiles(filed('renewalRate: 0.88'), { 'book.csv': BOOK }, 2000);
    const dollar = await runWithFiles(filed('dollarRenewalRate: 0.88'), { 'book.csv': BOOK }, 2000);
    expect(column(dollar, 'dollarRenewal')).toEqual(column(logo, 'dollarRenewal'));
  });

  it('with adjustments, solves the base rate so the expected ARR renewed / ARR due is the stated rate', async () => {
    const files = { 'book.csv': BOOK };
    const sim = await runWithFiles(filed('dollarRenewalRate: 0.88', ADJUSTMENTS), files, 4000);
    const { mean, se } = meanAndSe(column(sim, 'dollarRenewal'));
    expect(Math.abs(mean - 0.88)).toBeLessThan(4 * se);
    // The base (reference customer's) rate is not 0.88: large customers renew more, first renewals less.
    const loaded = await loadScenario(join(writeFiles({ ...files, 'plan.yaml': filed('renewalRate: 0.5', ADJUSTMENTS) }), 'plan.yaml'));
    const book = planCustomerBook(loaded.files!.books!.Ent!, loaded.scenario.tiers[0]!.existing!.renewalAdjustments);
    const base = baseRateForDollarRenewal(book.dueArr, book.dueOdds, 0.88);
    expect(Math.abs(base - 0.88)).toBeGreaterThan(0.01);
    // And a logo rate of that base gives the same trials.
    const logo = await runWithFiles(filed(`renewalRate: ${base}`, ADJUSTMENTS), files, 4000);
    expect(column(logo, 'dollarRenewal')).toEqual(column(sim, 'dollarRenewal'));
  });

  it('the solved base rate meets the equation to 1e-9, and is the stated rate when all odds are equal', () => {
    const arr = Float64Array.of(10_000, 50_000, 400_000);
    const odds = Float64Array.of(0.5, 1, 3);
    const p = baseRateForDollarRenewal(arr, odds, 0.9);
    const o = p / (1 - p);
    const renewed = arr.reduce((s, a, i) => s + (a * o * odds[i]!) / (1 + o * odds[i]!), 0);
    expect(renewed / 460_000 - 0.9).toBeCloseTo(0, 9);
    expect(baseRateForDollarRenewal(arr, Float64Array.of(1, 1, 1), 0.9)).toBeCloseTo(0.9, 12);
    expect(baseRateForDollarRenewal(arr, odds, 1)).toBe(1);
    expect(baseRateForDollarRenewal(arr, odds, 0)).toBe(0);
  });

  it('replaces the base renewalRate in a file that extends it, and the other way round', async () => {
    const dir = writeFiles({
      'plan.yaml': aggregate('renewalRate: 0.9'),
      'dollar.yaml': 'extends: plan.yaml\ntiers:\n  - name: SMB\n    existing: { dollarRenewalRate: 0.92 }\n',
      'back.yaml': 'extends: dollar.yaml\ntiers:\n  - name: SMB\n    existing: { renewalRate: 0.8 }\n',
    });
    const dollar = (await loadScenario(join(dir, 'dollar.yaml'))).scenario.tiers[0]!.existing!;
    expect([dollar.renewalRate, dollar.dollarRenewalRate]).toEqual([undefined, 0.92]);
    const back = (await loadScenario(join(dir, 'back.yaml'))).scenario.tiers[0]!.existing!;
    expect([back.renewalRate, back.dollarRenewalRate]).toEqual([0.8, undefined]);
  });
});
