import { describe, expect, it } from 'vitest';
import { column, run, runWithFiles, expectWithin4Se } from '../helpers/fixtures.js';
import { expectBinomialCounts, expectPoissonCounts, expectVarianceWithin } from '../helpers/stats.js';

/**
 * Lead grades, earlier leads, the opening pipeline, reps' capacity, contract terms and the
 * service-start lag, each against a case worked out by hand.
 */

const live = (m: number) => (13 - m) / 12;
const every = (xs: Float64Array, expected: number) => expect([...new Set(xs)]).toEqual([expected]);

const tier = (body: string) => `
name: hand case
tiers:
  - name: T
    newBusiness:
${body}`;

/** 30 open leads that all convert in month 1 at an ACV of 1,200: a fixed demand of 30 deals. */
const THIRTY_IN_MONTH_ONE = '      earlierLeads: { count: 30, conversion: 1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n      acv: 1200\n';

describe('reps', () => {
  it('a rep who ramps 0 / 50% / 100% over three months contributes exactly that capacity', async () => {
    const sim = await run(tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 0, hires: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ramp: [0, 0.5, 1], capacity: 10 }\n`), 20);
    const ramped = [0, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    ramped.forEach((r, i) => every(column(sim, `tier.T.reps.ramped.${i + 1}`), r));
    // Whole deals a month: floor(0 x 10) + floor(0.5 x 10) + 10 x 10.
    every(column(sim, 'tier.T.reps.capacity.deals'), 105);
    every(column(sim, 'tier.T.reps.headcount'), 1);
    // Demand of 30 in month 1 meets no capacity: lost (the default overflow).
    every(column(sim, 'customersWon'), 0);
    every(column(sim, 'tier.T.deals.overCapacity'), 30);
  });

  it('overflow: lost drops what capacity cannot take; carry closes it in the next months', async () => {
    const reps = (overflow: string) => `      reps: { start: 1, capacity: 10, overflow: ${overflow} }\n`;
    const lost = await run(tier(THIRTY_IN_MONTH_ONE + reps('lost')), 10);
    every(column(lost, 'customersWon'), 10);
    every(column(lost, 'tier.T.deals.overCapacity'), 20);
    expect(column(lost, 'revenue')[0]).toBeCloseTo(10 * 1200 * live(1), 6);
    const carry = await run(tier(THIRTY_IN_MONTH_ONE + reps('carry')), 10);
    every(column(carry, 'customersWon'), 30);
    every(column(carry, 'tier.T.deals.overCapacity'), 0);
    expect(column(carry, 'revenue')[0]).toBeCloseTo(10 * 1200 * (live(1) + live(2) + live(3)), 6);
  });

  it('a hire that always slips two months starts in month 3', async () => {
    const sim = await run(
      tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 0, hires: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], hireSlip: { probability: 1, months: 2 }, capacity: 1, overflow: carry }\n`),
      10,
    );
    [0, 0, 1].forEach((r, i) => every(column(sim, `tier.T.reps.ramped.${i + 1}`), r));
    // One deal a month from month 3: ten deals by year end, the other twenty lost at year end.
    every(column(sim, 'customersWon'), 10);
  });

  it('a hire that slips with probability 1/2: ramped reps in month 1 ~ Binomial(4, 1/2), all four by month 2', async () => {
    const sim = await run(
      tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 0, hires: [4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], hireSlip: { probability: 0.5, months: 1 }, capacity: 1 }\n`),
      3000,
    );
    expectBinomialCounts(column(sim, 'tier.T.reps.ramped.1'), 4, 0.5);
    every(column(sim, 'tier.T.reps.ramped.2'), 4);
  });

  it('reps on the floor at the start are ramped; a slipped hire ramps from the month it starts', async () => {
    // One rep ramped all year; a hire of month 1 slipped to month 3 works 0, 0.5, 1 in months 3, 4, 5.
    const sim = await run(
      tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 1, hires: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], hireSlip: { probability: 1, months: 2 }, ramp: [0, 0.5, 1], capacity: 1 }\n`),
      5,
    );
    [1, 1, 1, 1.5, 2, 2].forEach((r, i) => every(column(sim, `tier.T.reps.ramped.${i + 1}`), r));
  });

  it('monthly attrition: reps at year end ~ Binomial(start, (1 - a)^12)', async () => {
    const sim = await run(tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 50, attrition: 0.05, capacity: 1 }\n`), 3000);
    // Each rep stays each month with probability 0.95, on its own: mean and variance of the binomial.
    expectBinomialCounts(column(sim, 'tier.T.reps.headcount'), 50, 0.95 ** 12);
    // Ramped reps in month m: those still there, Binomial(start, (1 - a)^m) (checked at the start of each month).
    expectBinomialCounts(column(sim, 'tier.T.reps.ramped.6'), 50, 0.95 ** 6);
  });

  it('rep-sourced deals: Poisson with mean ramp x productivity, summed over reps', async () => {
    const sim = await run(tier('      acv: 1000\n      reps: { start: 4, ramp: [], sourcedDealsPerMonth: 2.5, capacity: 100 }\n'), 3000);
    // 4 ramped reps x 2.5 deals x 12 months; no capacity binds (100 a rep). A sum of Poissons is
    // Poisson(120): variance 120 too (fourth central moment m + 3 m^2).
    expectWithin4Se(column(sim, 'tier.T.deals.repSourced'), 120);
    expectVarianceWithin(column(sim, 'tier.T.deals.repSourced'), 120, 120 + 3 * 120 ** 2);
    expectWithin4Se(column(sim, 'revenue'), 4 * 2.5 * 1000 * 6.5);
  });

  it('hybrid: lead deals and rep-sourced deals add up before the cap', async () => {
    const sim = await run(
      tier('      leadsPerMonth: 20\n      conversion: 1\n      acv: 100\n      reps: { start: 3, sourcedDealsPerMonth: 2, capacity: 100 }\n'),
      2000,
    );
    // 240 lead deals a year, plus Poisson(3 x 2) a month from the reps; capacity (300 a month) never binds.
    const sourced = column(sim, 'tier.T.deals.repSourced');
    column(sim, 'customersWon').forEach((v, i) => expect(v).toBe(240 + sourced[i]!));
    expectWithin4Se(sourced, 72);
    // The cap takes the sum: 20 lead deals a month against 2 x 7 = 14 capacity leaves 6 a month lost.
    const tight = await run(tier('      leadsPerMonth: 20\n      conversion: 1\n      acv: 100\n      reps: { start: 2, capacity: 7 }\n'), 10);
    every(column(tight, 'customersWon'), 168);
    every(column(tight, 'tier.T.deals.overCapacity'), 72);
  });

  it('capacity below one deal a month still closes deals: fractions of a deal carry to the next month', async () => {
    // 3 reps x 0.3 = 0.9 deals a month: 0, 1, 1, ... closes floor(0.9 x 12) = 10 deals in the year.
    const sim = await run(tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 3, capacity: 0.3, overflow: carry }\n`), 10);
    every(column(sim, 'customersWon'), 10);
    every(column(sim, 'tier.T.deals.overCapacity'), 20);
    expect(column(sim, 'tier.T.reps.capacity.deals')[0]).toBeCloseTo(0.9 * 12, 5);
  });

  it('a hire-slip probability leaves the attrition draws as they were (streams of their own)', async () => {
    const reps = (slip: string) => `      reps: { start: 20, hires: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], attrition: 0.05, capacity: 1${slip} }\n`;
    const plain = await run(tier(THIRTY_IN_MONTH_ONE + reps('')), 500);
    // A slip so unlikely it never happens: the same reps leave in the same months.
    const slipping = await run(tier(THIRTY_IN_MONTH_ONE + reps(', hireSlip: { probability: 1e-9, months: 1 }')), 500);
    expect(column(slipping, 'tier.T.reps.headcount')).toEqual(column(plain, 'tier.T.reps.headcount'));
    expect(column(slipping, 'tier.T.reps.ramped.12')).toEqual(column(plain, 'tier.T.reps.ramped.12'));
  });
});

describe('lead grades and earlier leads', () => {
  it('each grade converts at its own rate; leads and deals by grade are in the trial outputs', async () => {
    const sim = await run(
      tier(
        '      leadSources:\n        - { grade: A, leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.2 }\n        - { grade: B, channel: paid, leadsPerMonth: { dist: poisson, mean: 300 }, conversion: 0.02 }\n      acv: 1000\n',
      ),
      2000,
    );
    expectWithin4Se(column(sim, 'tier.T.leads.A'), 1200);
    expectWithin4Se(column(sim, 'tier.T.deals.A'), 1200 * 0.2);
    expectWithin4Se(column(sim, 'tier.T.leads.B/paid'), 3600);
    expectWithin4Se(column(sim, 'tier.T.deals.B/paid'), 3600 * 0.02);
    // Poisson leads, each converting on its own: leads and deals of a grade are Poisson (thinning).
    expectPoissonCounts(column(sim, 'tier.T.leads.A'), 1200);
    expectPoissonCounts(column(sim, 'tier.T.deals.A'), 1200 * 0.2);
    expectPoissonCounts(column(sim, 'tier.T.leads.B/paid'), 3600);
    expectPoissonCounts(column(sim, 'tier.T.deals.B/paid'), 3600 * 0.02);
    // The tier's leads are the sum of its grades'.
    const total = column(sim, 'tier.T.leads');
    const a = column(sim, 'tier.T.leads.A');
    const b = column(sim, 'tier.T.leads.B/paid');
    total.forEach((v, i) => expect(v).toBe(a[i]! + b[i]!));
  });

  it("a source without a seasonality of its own takes the tier's; one with its own keeps it (each rescaled to average 1)", async () => {
    // A: 100 leads a month x 12 in month 1 only (the tier's profile); B: its own, month 12 only. At
    // conversion 1 and ACV 1,200, A adds 1,440,000 ARR from month 1 and B as much from month 12.
    const sim = await run(
      tier(
        '      seasonality: [12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n      leadSources:\n        - { grade: A, leadsPerMonth: 100, conversion: 1 }\n        - { grade: B, leadsPerMonth: 100, conversion: 1, seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12] }\n      acv: 1200\n',
      ),
      5,
    );
    every(column(sim, 'tier.T.leads.A'), 1200);
    every(column(sim, 'tier.T.leads.B'), 1200);
    for (let m = 1; m <= 12; m++) every(column(sim, `mrr.${m}`), Math.fround((m < 12 ? 1_440_000 : 2_880_000) / 12));
  });

  it('earlier leads convert at their own rate and close in their months', async () => {
    const sim = await run(
      tier('      earlierLeads: { count: 1000, conversion: 0.1, closeMonth: [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] }\n      acv: 500\n'),
      3000,
    );
    // 100 deals expected, half in month 2 and half in month 4.
    expectWithin4Se(column(sim, 'tier.T.earlierLeads.deals'), 100);
    expectWithin4Se(column(sim, 'revenue'), 50 * 500 * live(2) + 50 * 500 * live(4));
  });

  it('stating earlier leads replaces the warm start: the leads of the months before the year no longer close in it', async () => {
    // 10 deals a month after a 3-month cycle: warm, the year closes 10 in every month; stated (even
    // as no open leads at all), only this year's leads close, from month 4.
    const leads = '      leadsPerMonth: 10\n      conversion: 1\n      salesCycleMonths: 3\n      acv: 1200\n';
    const warm = await run(tier(leads), 5);
    every(column(warm, 'customersWon'), 120);
    const stated = await run(tier(`${leads}      earlierLeads: { count: 0, conversion: 0.5, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n`), 5);
    every(column(stated, 'customersWon'), 90);
  });

  it('too many deals from earlier leads in a month stops the run at the field, quickly', async () => {
    await expect(run(tier('      earlierLeads: { count: 100000000, conversion: 1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n      acv: 1\n'), 3)).rejects.toThrow(
      /earlierLeads\.count: .*deals from earlier leads in one month/,
    );
  });
});

describe('opening pipeline', () => {
  it('groups: Binomial(count, win probability) deals in their close month at their amount', async () => {
    const sim = await run(
      tier('      acv: 999\n      openingPipeline:\n        groups:\n          - { count: 100, winProbability: 0.3, closeMonth: 4, amount: 1000 }\n'),
      3000,
    );
    expectWithin4Se(column(sim, 'tier.T.pipeline.won'), 30);
    expectWithin4Se(column(sim, 'revenue'), 30 * 1000 * live(4));
    const won = column(sim, 'tier.T.pipeline.won');
    column(sim, 'bookings').forEach((v, i) => expect(v).toBeCloseTo(won[i]! * 1000, 6));
  });

  it('a file: each opportunity won with its probability (or its stage\'s) in its close month', async () => {
    const pipeline = ['id,tier,amount,stage,close_month', 'sure,T,5000,commit,3', 'never,T,7000,lost,2', 'maybe,T,100,coin,5'].join('\n');
    const yaml = tier('      acv: 1\n      openingPipeline: { file: pipe.csv, stages: { commit: 1, lost: 0, coin: 0.5 } }\n');
    const sim = await runWithFiles(yaml, { 'pipe.csv': pipeline }, 4000);
    const won = column(sim, 'tier.T.pipeline.won');
    column(sim, 'revenue').forEach((v, i) => expect(v).toBeCloseTo(5000 * live(3) + (won[i]! - 1) * 100 * live(5), 6));
    expectWithin4Se(won, 1.5);
  });

  it('stating a pipeline replaces the warm start: with a 2-month cycle only months 1..10 of leads close in the year', async () => {
    const leads = '      leadsPerMonth: 100\n      conversion: 0.1\n      salesCycleMonths: 2\n      acv: 1000\n';
    const warm = await run(tier(leads), 3000);
    // Warm: 12 months of deals close in the year (the two months before it feed months 1 and 2).
    expectWithin4Se(column(warm, 'customersWon'), 12 * 10);
    const cold = await run(tier(`${leads}      openingPipeline:\n        groups:\n          - { count: 5, winProbability: 1, closeMonth: 1, amount: 1000 }\n`), 3000);
    expectWithin4Se(column(cold, 'customersWon'), 10 * 10 + 5);
  });

  it('a certain opportunity (probability 0 or 1) stays certain under a conversion stress and the market, in a group as in a file', async () => {
    // 10 signed deals (probability 1) in month 2 and 10 lost ones (probability 0) in month 3, at 1,000
    // each, in a year with conversion 20 points lower (and 20 points higher) and a bad market: the 10
    // signed deals still close and the lost ones still do not, in every trial, as a file's stages do.
    const groups = '          - { count: 10, winProbability: 1, closeMonth: 2, amount: 1000 }\n          - { count: 10, winProbability: 0, closeMonth: 3, amount: 1000 }\n';
    const file = ['id,tier,amount,probability,close_month', ...Array.from({ length: 10 }, (_, i) => `s${i},T,1000,1,2`), ...Array.from({ length: 10 }, (_, i) => `l${i},T,1000,0,3`)].join('\n');
    for (const shift of [-0.2, 0.2]) {
      const head = `market: { factor: -1.28, loadings: { conversion: 0.5 } }\nstress: { conversion: ${shift} }\n`;
      const grouped = await run(`${head}${tier(`      acv: 1\n      openingPipeline:\n        groups:\n${groups}`)}`, 200);
      const filed = await runWithFiles(`${head}${tier('      acv: 1\n      openingPipeline: { file: pipe.csv }\n')}`, { 'pipe.csv': file }, 200);
      for (const sim of [grouped, filed]) {
        every(column(sim, 'tier.T.pipeline.won'), 10);
        every(column(sim, 'bookings'), 10_000);
        every(column(sim, 'endingArr'), 10_000);
      }
    }
  });

  it("a group's certainty is the value it draws in the trial: a discrete [0.5, 1] keeps 1 in the trials that draw 1", async () => {
    // 10 opportunities at 1,000 under a conversion stress of -0.2 (no market loading): a trial that
    // draws 1 signs all 10; one that draws 0.5 signs Binomial(10, 0.3). Each value is drawn half the time.
    const sim = await run(
      `stress: { conversion: -0.2 }\n${tier('      acv: 1\n      openingPipeline:\n        groups:\n          - { count: 10, winProbability: { dist: discrete, values: [0.5, 1], weights: [1, 1] }, closeMonth: 2, amount: 1000 }\n')}`,
      3000,
    );
    const used = column(sim, 'driver.T.pipeline.1.winProbability');
    const won = column(sim, 'tier.T.pipeline.won');
    const certain = [...used.keys()].filter((i) => used[i] === 1);
    const moved = [...used.keys()].filter((i) => used[i] !== 1);
    // Every trial used 1 or 0.5 - 0.2 (float32 storage of 0.3).
    for (const i of moved) expect(used[i]).toBe(Math.fround(0.5 - 0.2));
    expectWithin4Se(Float64Array.from(used, (p) => (p === 1 ? 1 : 0)), 0.5);
    for (const i of certain) expect(won[i]).toBe(10);
    expectBinomialCounts(Float64Array.from(moved, (i) => won[i]!), 10, 0.3);
  });
});

describe('contracts and timing', () => {
  it('a service-start lag: bookings at signing, revenue and ARR from service start; past year end, bookings only', async () => {
    const closing = (month: number) => `      earlierLeads: { count: 10, conversion: 1, closeMonth: [${Array.from({ length: 12 }, (_, i) => (i + 1 === month ? 1 : 0)).join(', ')}] }\n      acv: 1200\n`;
    const early = await run(tier(`${closing(3)}      serviceStartLagMonths: 1\n`), 10);
    every(column(early, 'bookings'), 12_000);
    every(column(early, 'endingArr'), 12_000);
    expect(column(early, 'revenue')[0]).toBeCloseTo(12_000 * live(4), 6);
    const late = await run(tier(`${closing(11)}      serviceStartLagMonths: 2\n`), 10);
    every(column(late, 'bookings'), 12_000);
    every(column(late, 'endingArr'), 0);
    every(column(late, 'revenue'), 0);
    // Bookings no longer equal the ARR added: the bookings column is stored, not aliased.
    every(column(late, 'component.bookings.newBusiness'), 12_000);
  });

  it('new-customer expansion counts from service start: a customer not live by year end does not expand in it', async () => {
    const expansion = '    newCustomerExpansion: { probability: 1, size: 100, monthsAfterClose: 0 }\n';
    const closing = (month: number) => `      earlierLeads: { count: 10, conversion: 1, closeMonth: [${Array.from({ length: 12 }, (_, i) => (i + 1 === month ? 1 : 0)).join(', ')}] }\n      acv: 1200\n`;
    // Signed in month 3, live from month 5: the ten expansions of 100 start in month 5 too.
    const early = await run(`${tier(`${closing(3)}      serviceStartLagMonths: 2\n`)}${expansion}`, 5);
    // Component columns are stored as float32.
    every(column(early, 'component.revenue.newCustomerExpansion'), Math.fround(1000 * live(5)));
    every(column(early, 'component.endingArr.newCustomerExpansion'), 1000);
    // Signed in month 11, live after year end: no expansion this year.
    const late = await run(`${tier(`${closing(11)}      serviceStartLagMonths: 2\n`)}${expansion}`, 5);
    every(column(late, 'component.endingArr.newCustomerExpansion'), 0);
  });

  it("a multi-year new deal's escalator steps up on its first anniversary, next year: ending ARR and revenue are the first year's ACV", async () => {
    const sim = await run(tier(`${THIRTY_IN_MONTH_ONE}      terms: [{ months: 24, share: 1, escalator: 0.1 }]\n`), 5);
    every(column(sim, 'endingArr'), 36_000);
    every(column(sim, 'revenue'), 36_000);
  });

  it('every new customer may expand: pipeline deals, rep-sourced deals, and only the deals capacity let close', async () => {
    const expansion = '    newCustomerExpansion: { probability: 1, size: 100, monthsAfterClose: 0 }\n';
    const pipeline = await run(`${tier('      acv: 1000\n      openingPipeline:\n        groups:\n          - { count: 100, winProbability: 1, closeMonth: 1, amount: 1000 }\n')}${expansion}`, 5);
    every(column(pipeline, 'component.endingArr.newCustomerExpansion'), 10_000);
    const sourced = await run(`${tier('      acv: 1000\n      reps: { start: 4, sourcedDealsPerMonth: 2.5, capacity: 100 }\n')}${expansion}`, 20);
    const won = column(sourced, 'customersWon');
    column(sourced, 'component.endingArr.newCustomerExpansion').forEach((v, i) => expect(v).toBe(won[i]! * 100));
    // 30 wanted in month 1, 10 closed (capacity 10, overflow lost): 10 expansions, not 30.
    const capped = await run(`${tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 1, capacity: 10 }\n`)}${expansion}`, 5);
    every(column(capped, 'customersWon'), 10);
    every(column(capped, 'component.endingArr.newCustomerExpansion'), 1000);
  });

  it('carried deals expand N months after they close, not after they were wanted', async () => {
    // 10 close in each of months 1, 2 and 3 (capacity 10, overflow carried); each expands by 120 a month later.
    const sim = await run(`${tier(`${THIRTY_IN_MONTH_ONE}      reps: { start: 1, capacity: 10, overflow: carry }\n`)}    newCustomerExpansion: { probability: 1, size: 120, monthsAfterClose: 1 }\n`, 5);
    for (const v of column(sim, 'component.revenue.newCustomerExpansion')) expect(v).toBeCloseTo(1200 * (live(2) + live(3) + live(4)), 2);
  });

  it('a term mix: bookings count the first-year ACV; new TCV adds the escalated later years', async () => {
    const sim = await run(tier(`${THIRTY_IN_MONTH_ONE}      terms: [{ months: 36, share: 1, escalator: 0.05 }]\n`), 10);
    every(column(sim, 'bookings'), 36_000);
    expect(column(sim, 'tier.T.newTcv')[0]).toBeCloseTo(36_000 * (1 + 1.05 + 1.05 ** 2), 3);
    const mix = await run(tier(`${THIRTY_IN_MONTH_ONE}      terms: [{ months: 12, share: 0.5 }, { months: 24, share: 0.5, escalator: 0.1 }]\n`), 4000);
    // E[TCV] per deal = 1,200 x (0.5 x 1 + 0.5 x 2.1).
    expectWithin4Se(column(mix, 'tier.T.newTcv'), 30 * 1200 * (0.5 + 0.5 * 2.1));
  });
});

describe('a pipeline file shared by tiers', () => {
  it('refuses a stage the tiers give different probabilities: the file is read once', async () => {
    const pipeline = ['id,tier,amount,stage,close_month', 'a,A,100,commit,2', 'b,B,100,commit,3'].join('\n');
    const yaml = `name: shared
tiers:
  - name: A
    newBusiness:
      acv: 1
      openingPipeline: { file: pipe.csv, stages: { commit: 0.8 } }
  - name: B
    newBusiness:
      acv: 1
      openingPipeline: { file: pipe.csv, stages: { commit: 0.6 } }
`;
    await expect(runWithFiles(yaml, { 'pipe.csv': pipeline }, 10)).rejects.toThrow(
      /tiers\[1\]\.newBusiness\.openingPipeline\.stages\.commit: stage "commit" of pipe\.csv is 0\.8 in another tier reading the same file/,
    );
  });
});
