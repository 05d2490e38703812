import { describe, expect, it } from 'vitest';
import { column, runWithFiles, expectWithin4Se } from '../helpers/fixtures.js';
import { expectBinomialCounts } from '../helpers/stats.js';

/**
 * A customer book read row by row, against cases worked out by hand: exact where nothing is
 * random, within 4 standard errors of the simulated mean where something is.
 */

const HEADER = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator';
const live = (m: number) => (13 - m) / 12;
const scenario = (existing: string) => `
name: book case
tiers:
  - name: T
    existing:
      customersFile: book.csv
${existing}`;

describe('a customer book from a file', () => {
  it('every customer renews in month 7 at probability 1 with a 5% uplift: revenue and ending ARR exactly as computed', async () => {
    const book = [HEADER, 'a,T,10000,7,12,1,,', 'b,T,20000,7,12,3,0.9,', 'c,T,30000,7,24,0,0.2,'].join('\n');
    const sim = await runWithFiles(scenario('      renewalRate: 1\n      priceUplift: 0.05\n'), { 'book.csv': book }, 20);
    // Opening 60,000 live all year; the uplift of 3,000 from month 7: (13 - 7) / 12 of it.
    const revenue = 60_000 + 3_000 * live(7);
    expect(revenue).toBe(61_500);
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(revenue, 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(63_000, 6);
    // Bookings: the renewed 60,000 and the 3,000 uplift, signed at renewal.
    for (const v of column(sim, 'bookings')) expect(v).toBeCloseTo(63_000, 6);
    for (const key of ['grr', 'logoRenewal', 'dollarRenewal']) for (const v of column(sim, key)) expect(v).toBe(1);
    for (const v of column(sim, 'nrr')) expect(v).toBe(Math.fround(1.05));
    for (let m = 1; m <= 12; m++) for (const v of column(sim, `mrr.${m}`)) expect(v).toBe(Math.fround((m >= 7 ? 63_000 : 60_000) / 12));
  });

  it('a customer on a 36-month term that ends next year never churns this year, and its escalator steps up on the anniversary', async () => {
    // Renewal in fiscal month 20 = month 8 of next year: the anniversary is month 8 of this year.
    const book = [HEADER, 'long,T,100000,20,36,2,,0.05', 'due,T,50000,3,12,2,,'].join('\n');
    const sim = await runWithFiles(scenario('      renewalRate: 0\n'), { 'book.csv': book }, 200);
    // Renewal rate 0: the customer due in month 3 churns in every trial; the 36-month one stays.
    const revenue = 100_000 + 5_000 * live(8) + 50_000 - 50_000 * live(3);
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(revenue, 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(105_000, 6);
    for (const v of column(sim, 'customersLost')) expect(v).toBe(1);
    // The step-up is ARR, not bookings: nothing was signed.
    for (const v of column(sim, 'bookings')) expect(v).toBe(0);
    for (const v of column(sim, 'component.endingArr.priceUplift')) expect(v).toBe(5_000);
    // GRR over the book live at the start: 100,000 kept of 150,000; NRR adds the step-up.
    for (const v of column(sim, 'grr')) expect(v).toBe(Math.fround(100_000 / 150_000));
    for (const v of column(sim, 'nrr')) expect(v).toBe(Math.fround(105_000 / 150_000));
  });

  it('escalators at the edges of the year: anniversaries in months 1, 6 and 12, one step a year', async () => {
    // Renewal in fiscal month 13 on a 24-month term: signed in month -11, anniversary month 1.
    // Renewal in 24 on 24: signed in month 0, anniversary month 12. Renewal in 54 on 60 and in 30 on 36:
    // signed in month -6, anniversary month 6 (the next, month 18, is next year).
    const book = [HEADER, 'first,T,100000,13,24,1,,0.05', 'last,T,100000,24,24,1,,0.05', 'five,T,100000,54,60,1,,0.05', 'three,T,100000,30,36,1,,0.10'].join('\n');
    const sim = await runWithFiles(scenario('      renewalRate: 0\n'), { 'book.csv': book }, 5);
    const revenue = 105_000 + (100_000 + 5_000 * live(12)) + (100_000 + 5_000 * live(6)) + (100_000 + 10_000 * live(6));
    for (const v of column(sim, 'revenue')) expect(v).toBeCloseTo(revenue, 6);
    for (const v of column(sim, 'endingArr')) expect(v).toBeCloseTo(3 * 105_000 + 110_000, 6);
    for (const v of column(sim, 'customersLost')) expect(v).toBe(0);
  });

  it('a churn dated month 1 loses the whole year; one dated month 12 keeps 11 months; dates map to fiscal months', async () => {
    const numbered = [HEADER, 'a,T,12000,1,12,1,,', 'b,T,12000,12,12,1,,'].join('\n');
    // The fiscal year starting February 2027: March 2027 is fiscal month 2, 15 January 2028 month 12.
    const dated = [HEADER, 'a,T,12000,2027-03,12,1,,', 'b,T,12000,2028-01-15,12,1,,'].join('\n');
    const edges = await runWithFiles(scenario('      renewalRate: 0\n'), { 'book.csv': numbered }, 5);
    const dates = await runWithFiles(`fiscalYear: 2027\nfiscalYearStartMonth: 2\n${scenario('      renewalRate: 0\n')}`, { 'book.csv': dated }, 5);
    for (const v of column(edges, 'revenue')) expect(v).toBe(11 * 1000);
    for (const v of column(dates, 'revenue')) expect(v).toBe(1000 + 11 * 1000);
    for (const sim of [edges, dates]) {
      for (const v of column(sim, 'endingArr')) expect(v).toBe(0);
      for (const v of column(sim, 'customersLost')) expect(v).toBe(2);
    }
  });

  it('monthly-billed customers leave by the monthly hazard 1 - p^(1/12): P(live in month m) = p^(m/12)', async () => {
    const p = 0.7;
    const n = 400;
    const rows = [HEADER, ...Array.from({ length: n }, (_, i) => `m${i},T,1200,,monthly,1,,`)];
    const sim = await runWithFiles(scenario(`      renewalRate: ${p}\n`), { 'book.csv': rows.join('\n') }, 2000);
    // Revenue of one customer: 100 a month in every month it is live.
    let expected = 0;
    for (let m = 1; m <= 12; m++) expected += n * 100 * p ** (m / 12);
    expectWithin4Se(column(sim, 'revenue'), expected);
    expectWithin4Se(column(sim, 'endingArr'), n * 1200 * p);
    for (const m of [1, 6, 12]) expectWithin4Se(column(sim, `mrr.${m}`), n * 100 * p ** (m / 12));
    expectWithin4Se(column(sim, 'customersLost'), n * (1 - p));
    // Each customer leaves on its own: the year's leavers are Binomial(n, 1 - p), and those live in month m
    // Binomial(n, p^(m/12)) (mean and variance from the binomial: customers leaving together fail it).
    expectBinomialCounts(column(sim, 'customersLost'), n, 1 - p);
    expectBinomialCounts(column(sim, 'mrr.6').map((x) => x / 100), n, p ** 0.5);
    // Not due for renewal: they are churn, not renewals, so there is no renewal rate to report.
    expect(sim.store.column('logoRenewal')).toBeUndefined();
  });

  it('renewal odds per customer: first renewal, loyalty, size and health move each customer on the log-odds scale', async () => {
    // Base rate 0.8 (odds 4). a: first renewal (-0.6); b: 3 renewals (+2 x 0.2); c: twice the
    // median ARR (+0.5) with health 0.25 above the mean (+0.25 x 2).
    const book = [HEADER, 'a,T,1000,2,12,0,0.5,', 'b,T,1000,2,12,3,0.5,', 'c,T,2000,2,12,1,1,', 'd,T,1000,2,12,1,0.25,', 'e,T,500,2,12,1,0.5,'].join('\n');
    const adjust = '      renewalAdjustments: { firstRenewal: -0.6, perRenewalAfterFirst: 0.2, perArrDoubling: 0.5, health: 2 }\n';
    const sim = await runWithFiles(scenario(`      renewalRate: 0.8\n${adjust}`), { 'book.csv': book }, 20000);
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const base = Math.log(4);
    const meanHealth = (0.5 + 0.5 + 1 + 0.25 + 0.5) / 5;
    const logit = [
      base - 0.6 + 2 * (0.5 - meanHealth),
      base + 0.4 + 2 * (0.5 - meanHealth),
      base + 0.5 + 2 * (1 - meanHealth),
      base + 2 * (0.25 - meanHealth),
      base - 0.5 + 2 * (0.5 - meanHealth),
    ];
    const arr = [1000, 1000, 2000, 1000, 500];
    const p = logit.map(sigmoid);
    expectWithin4Se(column(sim, 'logoRenewal'), p.reduce((a, b) => a + b, 0) / 5);
    // Dollar renewal weighs each customer by its ARR: a different number from the logo rate.
    expectWithin4Se(column(sim, 'dollarRenewal'), p.reduce((a, q, i) => a + q * arr[i]!, 0) / 5500);
  });

  it('contraction and expansion only on customers still live, from the same uniform: E[ARR] as computed', async () => {
    const rows = [HEADER, ...Array.from({ length: 100 }, (_, i) => `c${i},T,10000,${1 + (i % 12)},12,2,,`)];
    const sim = await runWithFiles(
      scenario('      renewalRate: 0.9\n      contraction: { probability: 0.2, size: 0.1 }\n      expansion: { probability: 0.3, size: 0.5 }\n'),
      { 'book.csv': rows.join('\n') },
      4000,
    );
    // Per customer: churn 0.1 -> -10,000; contract 0.9 x 0.2 -> -1,000; expand 0.9 x 0.8 x 0.3 -> +5,000.
    const change = 100 * (-0.1 * 10_000 - 0.9 * 0.2 * 1_000 + 0.9 * 0.8 * 0.3 * 5_000);
    expectWithin4Se(column(sim, 'endingArr'), 1_000_000 + change);
    // GRR counts churn and contraction, not expansion.
    expectWithin4Se(column(sim, 'grr'), 1 - 0.1 - 0.9 * 0.2 * 0.1);
    expectWithin4Se(column(sim, 'dollarRenewal'), 0.9 * (1 - 0.2 * 0.1));
  });

  it('an escalator on a term of no whole years is refused: its anniversaries would fall elsewhere', async () => {
    const book = [HEADER, 'odd,T,1000,25,30,1,,0.05'].join('\n');
    await expect(runWithFiles(scenario('      renewalRate: 0.9\n'), { 'book.csv': book }, 10)).rejects.toThrow(
      /book\.csv:2:\d+ escalator: an escalator steps up on each contract anniversary, so it needs a term of whole years/,
    );
  });

  it('the market factor moves every customer together', async () => {
    const rows = [HEADER, ...Array.from({ length: 200 }, (_, i) => `c${i},T,1000,${1 + (i % 12)},12,2,,`)];
    const yaml = `name: market
market:
  loadings: { renewal: 0.8 }
  factor: -2
tiers:
  - name: T
    existing:
      customersFile: book.csv
      renewalRate: 0.9
`;
    const sim = await runWithFiles(yaml, { 'book.csv': rows.join('\n') }, 2000);
    // logit(0.9) - 1.6: every customer's rate falls to sigmoid(ln 9 - 1.6).
    expectWithin4Se(column(sim, 'logoRenewal'), 1 / (1 + Math.exp(-(Math.log(9) - 1.6))));
  });
});

describe('a customer book with a year-level expansion size', () => {
  it("every customer's expansion scales by this year's median size over the planned one: E[added] = sum ARR x E[M] / M0 x E[X]", async () => {
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, i) => `c${i},T,${1000 * (i + 1)},3,12,1,,`)];
    const sim = await runWithFiles(
      scenario('      renewalRate: 1\n      expansion: { probability: 1, size: { dist: lognormal, median: { dist: pert, min: 0.2, mode: 0.3, max: 0.5 }, p90: 0.6 } }\n'),
      { 'book.csv': rows.join('\n') },
      10_000,
    );
    const [min, mode, max] = [0.2, 0.3, 0.5];
    const a = 1 + (4 * (mode - min)) / (max - min);
    const b = 1 + (4 * (max - mode)) / (max - min);
    const meanM = min + ((max - min) * a) / (a + b);
    const sigma = Math.log(0.6 / mode) / 1.2815515655446004;
    const arr = (50 * 51 * 1000) / 2;
    expectWithin4Se(column(sim, 'own.T.expansion.size'), meanM);
    expectWithin4Se(column(sim, 'component.endingArr.existingExpansion'), (arr * meanM * Math.exp((sigma * sigma) / 2)));
  });
});
