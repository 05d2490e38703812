import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/analysis/summarize.js';
import { METRICS } from '../../../src/model/components.js';
import { column, run, runWithFiles } from '../../helpers/fixtures.js';

/**
 * Tier A is the only one that can vary. Y, Z and R state drivers with year-level uncertainty of
 * their own that act on nothing: Y a conversion over 0 leads, an ACV of deals never signed, a
 * pipeline group won with probability 0 (its amount), an expansion size under an expansion
 * probability of 0 and a new customer's expansion size under a probability of 0; Z a book that
 * renews after the year (its renewal rate, price uplift, expansion probability and size); R reps'
 * attrition, capacity and productivity with no rep at the start and none hired.
 */
const inert = `
name: inert own draws
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: 200
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 12000
  - name: Y
    existing:
      customers: 120
      openingArr: 1200000
      renewalRate: 1
      priceUplift: 0.03
      expansion:
        probability: 0
        size: { dist: lognormal, median: { dist: pert, min: 0.1, mode: 0.2, max: 0.3 }, p90: 0.5 }
    newBusiness:
      leadsPerMonth: 0
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }
      openingPipeline:
        groups:
          - { count: 10, winProbability: 0, closeMonth: 3, amount: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 } }
    newCustomerExpansion:
      probability: 0
      size: { dist: lognormal, median: { dist: pert, min: 2000, mode: 3000, max: 4000 }, p90: 8000 }
      monthsAfterClose: 2
  - name: Z
    existing:
      customers: 100
      openingArr: 1000000
      renewalCalendar: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: { dist: beta, mean: 0.03, sd: 0.01 }
      expansion:
        probability: { dist: beta, mean: 0.1, sd: 0.03 }
        size: { dist: lognormal, median: { dist: pert, min: 0.1, mode: 0.2, max: 0.3 }, p90: 0.5 }
  - name: R
    newBusiness:
      acv: 12000
      reps:
        start: 0
        attrition: { dist: beta, mean: 0.01, sd: 0.005 }
        capacity: { dist: pert, min: 2, mode: 3, max: 4 }
        sourcedDealsPerMonth: { dist: lognormal, median: { dist: pert, min: 1, mode: 2, max: 3 }, p90: 4 }
`;

const INERT_TIERS = ['Y', 'Z', 'R'];

describe('drivers whose own draw acts on nothing', () => {
  it('are not listed: no share, tornado bar or bad years percentile for them, and the attribution is that of the tier that varies', async () => {
    const sim = await run(inert, 2_000, 3);
    // Independently of the analysis: Y, Z and R are the same in every trial, so none of their
    // drivers moved anything, however much their own draws varied.
    for (const tier of INERT_TIERS)
      for (const m of METRICS) {
        const c = column(sim, `tier.${tier}.${m}`);
        expect(c.every((v) => v === c[0]), `${tier} ${m}`).toBe(true);
      }
    for (const tier of INERT_TIERS) expect(sim.plan.tiers.find((t) => t.name === tier)!.plannedDrivers.some((d) => d.ownColumn !== undefined), tier).toBe(true);

    const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', value: 3_000_000 }] } });
    const tierOf = (key: string) => key.split('.')[1];
    expect(s.sensitivity.drivers.map((d) => d.key)).toEqual(['driver.A.conversion']);
    for (const tier of INERT_TIERS) expect(s.sensitivityByTier?.[tier]?.drivers ?? [], tier).toEqual([]);
    for (const m of METRICS) expect(s.badYears.metrics[m].drivers.map((d) => tierOf(d.key)), m).toEqual(['A']);
    for (const w of s.whatMustBeTrue) for (const d of [...w.drivers, ...(w.notShown ?? [])]) expect(d.label).toBe('A conversion');

    // The company's revenue is A's plus a constant: its variance shares are A's, to rounding. A
    // listed inert driver took its noise from the remainder (18.4% against A's 18.7% at this seed).
    const a = s.sensitivityByTier!.A!;
    expect(Math.abs(s.sensitivity.unexplained.value! - a.unexplained.value!)).toBeLessThan(1e-9);
    expect(Math.abs(s.sensitivity.drivers[0]!.varianceShare! - a.drivers[0]!.varianceShare!)).toBeLessThan(1e-9);
  });
});

/**
 * Tier P's only deals are a pipeline group closing in month 12 with a service start 2 months after
 * signing: its win probability moves P's bookings, never its revenue or ending ARR.
 */
const bookingsOnly = `
name: bookings only
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: 200
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 12000
  - name: P
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 12000
      serviceStartLagMonths: 2
      openingPipeline:
        groups:
          - { count: 40, winProbability: { dist: beta, mean: 0.4, sd: 0.1 }, closeMonth: 12 }
`;

describe('a driver that moves one metric and not another', () => {
  it("is attributed the metrics it can move only: a deal going live after the year moves bookings, not revenue or ending ARR", async () => {
    const sim = await run(bookingsOnly, 2_000, 3);
    // Independently of the analysis: P's revenue and ending ARR are the same in every trial, its bookings are not.
    const constant = (key: string) => {
      const c = column(sim, key);
      return c.every((v) => v === c[0]);
    };
    expect([constant('tier.P.revenue'), constant('tier.P.endingArr'), constant('tier.P.bookings')]).toEqual([true, true, false]);

    const s = summarize(sim, { targets: { metrics: [{ metric: 'revenue', tier: 'P', value: 1 }] } });
    const win = 'driver.P.pipeline.1.winProbability';
    expect(s.sensitivity.drivers.map((d) => d.key)).toEqual(['driver.A.conversion']);
    expect(s.sensitivityByTier?.P?.drivers ?? []).toEqual([]);
    expect(s.badYears.metrics.revenue.drivers.map((d) => d.key)).toEqual(['driver.A.conversion']);
    expect(s.badYears.metrics.endingArr.drivers.map((d) => d.key)).toEqual(['driver.A.conversion']);
    expect(s.badYears.metrics.bookings.drivers.map((d) => d.key).sort()).toEqual(['driver.A.conversion', win]);
    expect(s.whatMustBeTrue[0]!.drivers).toEqual([]);
    expect(s.whatMustBeTrue[0]!.notShown).toBeUndefined();
    // The company's revenue is A's plus a constant: its shares are A's, to rounding.
    expect(Math.abs(s.sensitivity.unexplained.value! - s.sensitivityByTier!.A!.unexplained.value!)).toBeLessThan(1e-9);
  });
});

/** The market loaded on conversion alone: in P it moves only the late group's win probability, so P's bookings and not its revenue. */
const marketOnBookingsOnly = `
name: market on bookings only
market:
  loadings: { conversion: 0.5 }
tiers:
  - name: P
    existing:
      customers: 100
      openingArr: 1000000
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 12000
      serviceStartLagMonths: 2
      openingPipeline:
        groups:
          - { count: 40, winProbability: 0.4, closeMonth: 12 }
`;

describe('the market, when the only route it is loaded on moves one metric', () => {
  it('is attributed that metric only: bookings, not revenue or ending ARR', async () => {
    const sim = await run(marketOnBookingsOnly, 2_000, 3);
    // Independently of the analysis: the same draws at a market factor of -2 and +2 give the same
    // revenue and ending ARR in every trial, and other bookings.
    const at = async (factor: number) => run(marketOnBookingsOnly.replace('loadings: { conversion: 0.5 }', `loadings: { conversion: 0.5 }\n  factor: ${factor}`), 200, 3);
    const [low, high] = await Promise.all([at(-2), at(2)]);
    for (const m of ['revenue', 'endingArr']) expect(column(low, m), m).toEqual(column(high, m));
    expect(column(low, 'bookings')).not.toEqual(column(high, 'bookings'));

    const s = summarize(sim, { targets: { metrics: [{ metric: 'bookings', value: 1 }] } });
    const keys = (ds: readonly { key: string }[]) => ds.map((d) => d.key).sort();
    expect(keys(s.sensitivity.drivers)).toEqual(['driver.P.renewalRate']);
    expect(keys(s.badYears.metrics.revenue.drivers)).toEqual(['driver.P.renewalRate']);
    expect(keys(s.badYears.metrics.endingArr.drivers)).toEqual(['driver.P.renewalRate']);
    expect(keys(s.badYears.metrics.bookings.drivers)).toEqual(['driver.P.renewalRate', 'driver.market']);
  });
});

/** F's customers, from a file, are all on 36-month contracts renewing after the year: its book's rates act on no one. */
const fileBookAfterYear = `
name: file book renewing after the year
market:
  loadings: { renewal: 0.5 }
tiers:
  - name: A
    newBusiness:
      leadsPerMonth: 200
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 12000
  - name: F
    existing:
      customersFile: customers.csv
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
      priceUplift: { dist: beta, mean: 0.03, sd: 0.01 }
      expansion:
        probability: { dist: beta, mean: 0.1, sd: 0.03 }
        size: 0.2
`;
const lateCustomers = 'id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator\nf1,F,100000,20,36,1,,\nf2,F,50000,14,36,0,,\nf3,F,80000,13,36,2,,\n';

describe("a customer file's rates when no customer renews in the year", () => {
  it('are not listed, nor the market loaded on renewal alone', async () => {
    const sim = await runWithFiles(fileBookAfterYear, { 'customers.csv': lateCustomers }, 2_000, 3);
    for (const m of METRICS) {
      const c = column(sim, `tier.F.${m}`);
      expect(c.every((v) => v === c[0]), m).toBe(true);
    }
    const s = summarize(sim);
    expect(s.sensitivity.drivers.map((d) => d.key)).toEqual(['driver.A.conversion']);
    for (const m of METRICS) expect(s.badYears.metrics[m].drivers.map((d) => d.key), m).toEqual(['driver.A.conversion']);
  });
});
