import { describe, expect, it } from 'vitest';
import { column, expectWithin4Se, meanAndSe, run, runWithFiles } from '../helpers/fixtures.js';

/**
 * Drivers that meet at one renewal or one signing, against values worked out by hand from
 * DOMAIN.md's definitions (an event dated fiscal month m is live from the start of m and counts
 * (13 - m) / 12 of a year in revenue; bookings at signing; ending ARR what is live at year end;
 * GRR excludes price and upsell; NRR includes them). Each feature alone is pinned in
 * closed-form.test.ts, customer-book.test.ts and closed-form-combinations.test.ts; these pin the
 * order in which they compose, where a plausible reading would give another figure (named beside
 * each expectation). Exact cases run 5 trials; the one random case 400 (4 standard errors).
 */

const live = (m: number) => (13 - m) / 12;
const HEADER = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator';

/** Every value of `key` equals `expected` to 6 decimals. */
function expectEvery(sim: Awaited<ReturnType<typeof run>>, key: string, expected: number): void {
  for (const v of column(sim, key)) expect(v, key).toBeCloseTo(expected, 6);
}

const aggregateBook = (existing: string) => `
name: renewal in month 7
tiers:
  - name: T
    existing:
      openingArr: 1200000
      customers: 120
      renewalCalendar: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]
      renewalRate: 1
${existing}`;

describe('uplift, contraction and expansion at one renewal', () => {
  it('the uplift applies to the ARR left after contraction: 1.2M x 0.9 x 1.05 (not 1.2M x (1.05 - 0.1))', async () => {
    const sim = await run(aggregateBook('      priceUplift: 0.05\n      contraction: { probability: 1, size: 0.1 }\n'), 5);
    const renewed = 1_200_000 * 0.9;
    const after = renewed * 1.05; // 1,134,000; the other order would give 1,140,000
    expectEvery(sim, 'endingArr', after);
    expectEvery(sim, 'revenue', 1_200_000 * (1 - live(7)) + after * live(7));
    // Bookings: the renewed ARR (after contraction) plus the uplift, signed at renewal.
    expectEvery(sim, 'bookings', after);
    expectEvery(sim, 'component.endingArr.priceUplift', renewed * 0.05);
    expectEvery(sim, 'component.endingArr.contraction', -120_000);
    // GRR and dollar renewal leave the uplift out; NRR keeps it.
    expectEvery(sim, 'grr', 0.9);
    expectEvery(sim, 'dollarRenewal', 0.9);
    expectEvery(sim, 'nrr', 0.9 * 1.05);
  });

  it("expansion is a share of the ARR due and the uplift is not counted again as expansion: 1.2M x (1 + 0.05 + 0.5)", async () => {
    const sim = await run(aggregateBook('      priceUplift: 0.05\n      expansion: { probability: 1, size: 0.5 }\n'), 5);
    expectEvery(sim, 'component.endingArr.existingExpansion', 600_000);
    expectEvery(sim, 'component.endingArr.priceUplift', 60_000);
    expectEvery(sim, 'endingArr', 1_860_000);
    expectEvery(sim, 'revenue', 1_200_000 + 660_000 * live(7));
    expectEvery(sim, 'bookings', 1_860_000);
    expectEvery(sim, 'grr', 1);
    expectEvery(sim, 'nrr', 1.55);
  });

  it('a file book: a 24-month contract due in month 4 contracts 20%, then takes the 5% uplift', async () => {
    const book = [HEADER, 'a,T,120000,4,24,1,,'].join('\n');
    const sim = await runWithFiles(
      `
name: file book
tiers:
  - name: T
    existing:
      customersFile: book.csv
      renewalRate: 1
      priceUplift: 0.05
      contraction: { probability: 1, size: 0.2 }
`,
      { 'book.csv': book },
      5,
    );
    const after = 120_000 * 0.8 * 1.05;
    expectEvery(sim, 'endingArr', after);
    expectEvery(sim, 'revenue', 120_000 * (1 - live(4)) + after * live(4));
    expectEvery(sim, 'grr', 0.8);
    expectEvery(sim, 'dollarRenewal', 0.8);
    expectEvery(sim, 'nrr', 0.8 * 1.05);
  });

  it("a multi-year contract's escalator does not step up again at its renewal: the renewal takes the uplift alone", async () => {
    // 24- and 36-month contracts with a 10% escalator and a 12-month one, all due in month 5: the
    // anniversary is the renewal, so each gets 5%, not 5% + 10% (which would give 335,000).
    const book = [HEADER, 'a,T,100000,5,24,1,,0.1', 'b,T,100000,5,36,1,,0.1', 'c,T,100000,5,12,1,,'].join('\n');
    const sim = await runWithFiles(
      `
name: escalators at renewal
tiers:
  - name: T
    existing:
      customersFile: book.csv
      renewalRate: 1
      priceUplift: 0.05
`,
      { 'book.csv': book },
      5,
    );
    expectEvery(sim, 'endingArr', 315_000);
    expectEvery(sim, 'revenue', 300_000 + 15_000 * live(5));
    expectEvery(sim, 'component.endingArr.priceUplift', 15_000);
    expectEvery(sim, 'bookings', 315_000);
  });

  it('under a renewal and a contraction stress, monthly-billed customers leave by the hazard of the stressed rate; annual ones contract by the stressed probability', async () => {
    // 300 monthly-billed and 300 annual customers of 1,200 (25 annual due a month). Renewal 0.7 - 0.1
    // = 0.6; contraction 0.1 + 0.2 = 0.3 of size 0.5, on renewed annual customers only.
    const rows = [HEADER];
    for (let i = 0; i < 300; i++) rows.push(`m${i},T,1200,,monthly,1,,`);
    for (let i = 0; i < 300; i++) rows.push(`a${i},T,1200,${1 + (i % 12)},12,1,,`);
    const sim = await runWithFiles(
      `
name: stressed mixed book
stress: { renewal: -0.1, contraction: 0.2 }
tiers:
  - name: T
    existing:
      customersFile: book.csv
      renewalRate: 0.7
      contraction: { probability: 0.1, size: 0.5 }
`,
      { 'book.csv': rows.join('\n') },
      400,
    );
    const p = 0.6;
    const c = 0.3;
    // Monthly-billed: P(live in month m) = p^(m / 12). Annual due in month m: live before m, then
    // renewed (p) at (1 - c x 0.5) of their ARR.
    let revenue = 0;
    for (let m = 1; m <= 12; m++) revenue += 300 * 100 * p ** (m / 12) + 25 * 1200 * ((m - 1) / 12 + p * (1 - c * 0.5) * live(m));
    expectWithin4Se(column(sim, 'revenue'), revenue);
    expectWithin4Se(column(sim, 'customersLost'), 600 * (1 - p));
    expectWithin4Se(column(sim, 'component.endingArr.contraction'), -300 * p * c * 600);
    expectWithin4Se(column(sim, 'endingArr'), 600 * 1200 * p - 300 * p * c * 600);
    // The misreadings (the stress left out of the monthly hazard; contraction at the unstressed 0.1)
    // lie at least 8 standard errors away, so the 4-SE checks above tell them apart.
    const lost = meanAndSe(column(sim, 'customersLost'));
    expect(Math.abs(300 * 0.3 + 300 * (1 - p) - 600 * (1 - p))).toBeGreaterThanOrEqual(8 * lost.se);
    const contraction = meanAndSe(column(sim, 'component.endingArr.contraction'));
    expect(Math.abs(300 * p * 0.1 * 600 - 300 * p * c * 600)).toBeGreaterThanOrEqual(8 * contraction.se);
  });
});

describe('new customers from the opening pipeline and earlier leads, with a service-start lag and a term mix', () => {
  const tier = (source: string) => `
name: signed in month 6
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.5
      acv: 1200
      serviceStartLagMonths: 2
      terms: [ { months: 24, share: 1, escalator: 0.1 } ]
${source}
    newCustomerExpansion: { probability: 1, size: 120, monthsAfterClose: 1 }
`;
  it.each([
    ['an opening-pipeline group', '      openingPipeline: { groups: [ { count: 10, winProbability: 1, closeMonth: 6, amount: 1200 } ] }'],
    ['earlier leads', '      earlierLeads: { count: 10, conversion: 1, closeMonth: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0] }'],
  ])('%s: bookings of the first year at signing (month 6), revenue from service start (month 8), expansion a month after it', async (_, source) => {
    const sim = await run(tier(source), 5);
    // 10 deals of 1,200 signed in month 6, live from month 8; each adds 120 in month 9.
    expectEvery(sim, 'customersWon', 10);
    expectEvery(sim, 'revenue', 12_000 * live(8) + 1_200 * live(9));
    expectEvery(sim, 'bookings', 12_000 + 1_200);
    expectEvery(sim, 'endingArr', 13_200);
    // TCV: two contract years, the second 10% up; bookings count the first year only.
    expectEvery(sim, 'tier.T.newTcv', 12_000 * (1 + 1.1));
  });
});

describe('a tier that starts selling within the year (README, "The sales cycle")', () => {
  // 100 leads a month at weights 0 in months 1-6 and 2 in months 7-12 (average 1), all converting,
  // closing 3 months after the lead.
  const tier = (extra = '') => `
name: launched in month 7
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 100
      seasonality: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]
      conversion: 1
      acv: 1200
      salesCycleMonths: 3
${extra}`;
  it("the warm start's leads take the wrapped weights of months 10-12: 600 deals close in months 1-3", async () => {
    const sim = await run(tier(), 5);
    // Months -2..0 wrap to weights of months 10..12: 200 leads each, closing in months 1..3; months
    // 7..9's leads close in 10..12.
    expectEvery(sim, 'customersWon', 1200);
    let revenue = 0;
    for (const m of [1, 2, 3, 10, 11, 12]) revenue += 200 * 1200 * live(m);
    expectEvery(sim, 'revenue', revenue);
  });

  it('earlierLeads with a count of 0 replace the warm start: the pipeline opens empty', async () => {
    const sim = await run(tier('      earlierLeads: { count: 0, conversion: 0.1, closeMonth: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }\n'), 5);
    expectEvery(sim, 'customersWon', 600);
    let revenue = 0;
    for (const m of [10, 11, 12]) revenue += 200 * 1200 * live(m);
    expectEvery(sim, 'revenue', revenue);
    for (let m = 1; m <= 9; m++) expectEvery(sim, `mrr.${m}`, 0);
  });
});
