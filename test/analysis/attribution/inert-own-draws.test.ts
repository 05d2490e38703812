import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/analysis/summarize.js';
import { METRICS } from '../../../src/model/components.js';
import { column, run } from '../../helpers/fixtures.js';

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
