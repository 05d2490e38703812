import { describe, expect, it } from 'vitest';
import { planScenario } from '../../src/model/scenario-plan.js';
import { DRIVER_KIND_ORDER, DRIVER_KINDS } from '../../src/model/drivers/driver-kinds.js';
import { ownColumnKey, shiftedColumnKey } from '../../src/model/drivers/column-keys.js';
import { NewBusinessSimulator } from '../../src/model/new-business-simulator.js';
import { BookRateDrawer } from '../../src/model/existing-book-simulator.js';
import { TierOutcome } from '../../src/model/tier-outcome.js';
import { createStream, type Stream } from '../../src/random/source.js';
import { column, run, scenarioFrom } from '../helpers/fixtures.js';

/**
 * The registry of drivers covers every driver the simulators draw once per trial: a scenario that
 * states every kind of driver, each with year-level uncertainty, has each kind in its plan, each
 * with its own and shifted columns; the simulators ask for each registered stream and write every
 * slot, and no two drivers share a stream.
 */
const EVERY_DRIVER = `
name: every driver
market:
  loadings: { leads: 0.2, conversion: 0.3, acv: 0.2, renewal: 0.3, contraction: 0.2, expansion: 0.3 }
tiers:
  - name: SMB
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: { dist: beta, mean: 0.85, sd: 0.03 }
      priceUplift: { dist: beta, mean: 0.04, sd: 0.01 }
      contraction: { probability: { dist: beta, mean: 0.1, sd: 0.02 }, size: 0.2 }
      expansion: { probability: { dist: beta, mean: 0.1, sd: 0.02 }, size: { dist: lognormal, median: { dist: pert, min: 0.2, mode: 0.3, max: 0.4 }, p90: 0.8 } }
    newBusiness:
      leadsPerMonth: { dist: negativeBinomial, mean: { dist: lognormal, p10: 2000, p90: 3000 }, dispersion: 40 }
      conversion: { dist: beta, mean: 0.02, sd: 0.004 }
      earlierLeads: { count: 500, conversion: { dist: beta, mean: 0.02, sd: 0.005 }, closeMonth: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
      openingPipeline:
        groups:
          - { count: 20, winProbability: { dist: beta, mean: 0.3, sd: 0.05 }, closeMonth: 2 }
          - { count: 10, winProbability: { dist: beta, mean: 0.5, sd: 0.05 }, closeMonth: 4, amount: { dist: lognormal, median: { dist: pert, min: 20000, mode: 25000, max: 40000 }, p90: 60000 } }
      reps:
        start: 10
        hires: [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
        hireSlip: { probability: { dist: beta, mean: 0.3, sd: 0.1 }, months: 2 }
        attrition: { dist: beta, mean: 0.02, sd: 0.005 }
        capacity: { dist: pert, min: 3, mode: 4, max: 6 }
        sourcedDealsPerMonth: { dist: lognormal, median: { dist: pert, min: 0.2, mode: 0.3, max: 0.5 }, p90: 0.6 }
      acv: { dist: lognormal, median: { dist: pert, min: 9000, mode: 11000, max: 14000 }, p90: 24000 }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.1, sd: 0.02 }
      size: { dist: lognormal, median: { dist: lognormal, median: 2000, p90: 2600 }, p90: 6000 }
  - name: Mid-market
    newBusiness:
      leadSources:
        - { grade: A, leadsPerMonth: { dist: poisson, mean: { dist: pert, min: 100, mode: 150, max: 220 } }, conversion: { dist: beta, mean: 0.1, sd: 0.02 } }
        - { grade: B, channel: paid, leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 300, p90: 400 } }, conversion: { dist: beta, mean: 0.03, sd: 0.01 } }
      acv: 30000
`;

describe('the registry of drivers', () => {
  const plan = planScenario(scenarioFrom(EVERY_DRIVER).scenario);

  it('every kind of driver is in the plan of a scenario that states it, with both columns, in the layout', () => {
    const kinds = new Set(plan.tiers.flatMap((t) => t.plannedDrivers.map((d) => d.kind)));
    expect([...kinds].sort()).toEqual([...DRIVER_KIND_ORDER].sort());
    const keys = new Set(plan.layout.columns.map((c) => c.key));
    for (const d of plan.plannedDrivers) {
      // Mid-market's ACV is a number: no uncertainty of its own, and the market alone does not make it a column.
      if (d.tier === 'Mid-market' && d.key === 'acv') {
        expect(d).toMatchObject({ ownColumn: undefined, shiftedColumn: undefined, planValue: 30000 });
        continue;
      }
      expect(d.ownColumn, d.label).toBe(ownColumnKey(d.tier, d.key));
      expect(d.shiftedColumn, d.label).toBe(shiftedColumnKey(d.tier, d.key));
      expect(keys.has(d.ownColumn!) && keys.has(d.shiftedColumn!), d.label).toBe(true);
    }
    // And the other way round: every driver column of the layout is a planned driver's.
    const planned = new Set(plan.plannedDrivers.flatMap((d) => [d.ownColumn, d.shiftedColumn]));
    for (const c of plan.layout.columns) if (c.kind === 'driver' || c.kind === 'ownDraw') expect(planned.has(c.key), c.key).toBe(true);
  });

  it('labels as a planner says them, units that are not all rates, plan values as written, signed loadings', () => {
    const by = (tier: string, key: string) => plan.plannedDrivers.find((d) => d.tier === tier && d.key === key)!;
    expect(by('SMB', 'conversion')).toMatchObject({ label: 'SMB conversion', unit: 'rate', planValue: 0.02, loading: 0.3 });
    expect(by('SMB', 'leadsPerMonth')).toMatchObject({ label: 'SMB leads a month', unit: 'count', annualFactor: 12, loading: 0.2 });
    expect(by('SMB', 'leadsPerMonth').planValue).toBeCloseTo(Math.sqrt(2000 * 3000), 9);
    expect(by('SMB', 'acv')).toMatchObject({ label: 'SMB ACV', unit: 'currency', planValue: 11000, loading: 0.2 });
    expect(by('SMB', 'reps.capacity')).toMatchObject({ label: 'SMB deals per ramped rep a month', unit: 'deals per rep a month', planValue: 4, loading: 0 });
    expect(by('SMB', 'reps.sourcedDealsPerMonth')).toMatchObject({ label: 'SMB deals a ramped rep sources a month', unit: 'deals per rep a month', planValue: 0.3, loading: 0.2, annualFactor: 12 });
    expect(by('SMB', 'expansion.size')).toMatchObject({ label: 'SMB expansion size', unit: 'rate', planValue: 0.3, loading: 0 });
    expect(by('SMB', 'newCustomerExpansion.size')).toMatchObject({ label: 'SMB new-customer expansion size', unit: 'currency', planValue: 2000, loading: 0 });
    expect(by('SMB', 'pipeline.2.amount')).toMatchObject({ label: 'SMB pipeline group 2 deal size', unit: 'currency', planValue: 25000, loading: 0 });
    expect(by('SMB', 'pipeline.1.amount')).toBeUndefined();
    expect(by('SMB', 'reps.hireSlip')).toMatchObject({ label: 'SMB hire slip probability', unit: 'rate', planValue: 0.3 });
    expect(by('SMB', 'pipeline.2.winProbability')).toMatchObject({ label: 'SMB pipeline group 2 win probability', planValue: 0.5, loading: 0.3 });
    expect(by('SMB', 'contractionProbability')).toMatchObject({ label: 'SMB contraction probability', loading: -0.2 });
    expect(by('Mid-market', 'leadsPerMonth.A')).toMatchObject({ label: 'Mid-market A leads a month', planValue: 150 });
    expect(by('Mid-market', 'conversion.B/paid')).toMatchObject({ label: 'Mid-market B/paid conversion', planValue: 0.03 });
  });

  it('the simulators draw each registered driver from its registry stream, and no two drivers share one', () => {
    for (const tier of plan.tiers) {
      const asked: string[] = [];
      const stream = (name: string): Stream => {
        asked.push(name);
        return createStream(`registry/${tier.name}/${name}`);
      };
      const nb = tier.newBusiness && new NewBusinessSimulator(tier, stream);
      const book = tier.existing && new BookRateDrawer(tier, stream);
      const streams = tier.plannedDrivers.map((d) => DRIVER_KINDS[d.kind].stream(d.name));
      expect(new Set(streams).size).toBe(streams.length);
      // Mid-market's ACV is a number: it has no year-level draw, so no stream is asked for.
      for (const d of tier.plannedDrivers) if (d.ownColumn) expect(asked, d.label).toContain(d.stream);
      // One trial writes every slot: no driver is left NaN.
      const out = new TierOutcome(tier);
      out.reset();
      nb?.run(-0.5, out);
      if (book) book.draw(-0.5, out, { renewal: 0, uplift: 0, contraction: 0, expansion: 0, expansionScale: 1 });
      tier.plannedDrivers.forEach((d, i) => {
        if (!d.ownColumn) return;
        expect(Number.isNaN(out.own[i]!), `own ${d.label}`).toBe(false);
        expect(Number.isNaN(out.drivers[i]!), `shifted ${d.label}`).toBe(false);
      });
    }
  });

  it('a run fills every own and shifted column in every trial', async () => {
    const sim = await run(EVERY_DRIVER, 300, 4);
    for (const c of sim.plan.layout.columns)
      if (c.kind === 'driver' || c.kind === 'ownDraw') expect(column(sim, c.key).every(Number.isFinite), c.key).toBe(true);
  });
});
