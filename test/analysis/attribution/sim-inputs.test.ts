import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/engine/simulate.js';
import type { PlannedDriver } from '../../../src/model/drivers/planned-driver.js';
import { shiftRate } from '../../../src/model/market.js';
import { attributionInputs, driversMoving } from '../../../src/analysis/attribution/sim-inputs.js';
import { radixOrder } from '../../../src/analysis/attribution/input.js';
import { prepareAttribution } from '../../../src/analysis/attribution/prepared.js';
import { correlation, ranks } from '../../../src/analysis/ranks.js';
import { run } from '../../helpers/fixtures.js';

describe('radixOrder', () => {
  it('orders negatives, zero and positives, stable on ties', () => {
    expect(Array.from(radixOrder(Float64Array.of(0.3, -1, 0.2, 0, -0.5, 0.2)).order)).toEqual([1, 4, 3, 2, 5, 0]);
  });
});

describe('the inputs of a run', () => {
  it("read the model's planned drivers and own-draw columns when the plan has them", () => {
    const n = 1_000;
    const own = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
    const columns = new Map<string, Float64Array>([
      ['driver.market', Float64Array.from({ length: n }, (_, i) => Math.sin(i))],
      ['own.SMB.conversion', own],
      ['driver.SMB.conversion', Float64Array.from({ length: n }, () => 0.5)],
    ]);
    const plannedDrivers: PlannedDriver[] = [
      { key: 'conversion', tier: 'SMB', label: 'SMB conversion', unit: 'rate', planValue: 0.025, ownColumn: 'own.SMB.conversion', shiftedColumn: 'driver.SMB.conversion', loading: 0.2 },
      { key: 'leads', tier: 'SMB', label: 'SMB leads', unit: 'count', planValue: 2_500, ownColumn: undefined, shiftedColumn: undefined, loading: 0.15 },
      // Never varies (no own draw, no loading): moves nothing, so it is not an input.
      { key: 'acv', tier: 'SMB', label: 'SMB ACV', unit: 'currency', planValue: 10_000, ownColumn: undefined, shiftedColumn: undefined, loading: 0 },
    ];
    const sim = { trials: n, store: { column: (k: string) => columns.get(k) }, plan: { tiers: [{ name: 'SMB', plannedDrivers }] } } as unknown as Simulation;
    const inputs = attributionInputs(sim);
    expect(inputs.drivers.map((d) => [d.key, d.label, d.unit, d.planValue, d.input !== undefined])).toEqual([
      ['driver.market', 'Market', 'market', undefined, true],
      ['driver.SMB.conversion', 'SMB conversion', 'rate', 0.025, true],
      ['driver.SMB.leads', 'SMB leads', 'count', 2_500, false],
    ]);
    // The own draw's percentile is its rank / n: read from the own column, not the shifted one.
    const p = inputs.drivers[1]!.input!.percentile;
    expect(p[0]).toBe((own[0]! * n + 1) / n);
    // SMB's conversion and leads are loaded on the market, so it moves SMB; a tier it does not move gets none of it.
    expect(inputs.marketTiers).toEqual(['SMB']);
    expect(driversMoving(inputs, 'SMB').map((d) => d.key)).toEqual(['driver.market', 'driver.SMB.conversion', 'driver.SMB.leads']);
    expect(driversMoving(inputs, 'Other').map((d) => d.key)).toEqual([]);
    // Inputs a library caller builds without marketTiers (the field is newer): the market counts for
    // every tier, as before it existed, rather than a TypeError on undefined.includes.
    const { marketTiers: _, ...bare } = inputs;
    expect(driversMoving(bare, 'Other').map((d) => d.key)).toEqual(['driver.market']);
  });

  it('are own draws independent of the market, which moves them (with the stress) to the stored shifted values', async () => {
    const n = 4_000;
    const sim = await run(
      `name: recovered
market:
  loadings:
    conversion: 1.0
stress:
  conversion: 0.005
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 1000
`,
      n,
      9,
    );
    const inputs = attributionInputs(sim);
    const z = sim.store.column('driver.market')!;
    const shifted = sim.store.column('driver.T.conversion')!;
    const conversion = inputs.drivers.find((d) => d.key === 'driver.T.conversion')!;
    expect(conversion.loading).toBe(1);
    // The own draw, shifted again and stressed, is the stored value (to float32 precision).
    // Each trial's own draw is sorted[rank - 1] (a tie's average rank, floored, stays inside its run
    // of equal values); a stress of +0.005 never clamps here.
    const r = ranks(conversion.input!.percentile);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const own = conversion.input!.sorted[Math.floor(r[i]!) - 1]!;
      worst = Math.max(worst, Math.abs(shiftRate(own, 1, z[i]!) + 0.005 - shifted[i]!) / shifted[i]!);
    }
    // Float32 columns: about 6e-8 relative each, amplified a little by the logit.
    expect(worst).toBeLessThan(1e-5);
    // Independent of the market: Spearman's r with z within 4 of its null sd 1 / sqrt(n - 1);
    // the shifted value is not (the confounding the attribution removes).
    const zr = ranks(z);
    expect(Math.abs(correlation(ranks(conversion.input!.percentile), zr))).toBeLessThan(4 / Math.sqrt(n - 1));
    expect(correlation(ranks(shifted), zr)).toBeGreaterThan(0.5);
  });

  it('leave out a market fixed by a stress case (market.factor), and the drivers only it would move', async () => {
    // z = -1.28 in every trial: the market moves nothing from one trial to the next. Listed, it took
    // a share of 0 with a tornado bar "at its P90" (z = +1.28, a year the run never saw) and headed
    // the bad years at "10% own percentile", as every year is.
    const sim = await run(
      `name: fixed market
market:
  factor: -1.28
  loadings: { conversion: 0.3, leads: 0.2 }
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 1000
`,
      400,
      3,
    );
    const inputs = attributionInputs(sim);
    expect(inputs.drivers.map((d) => d.key)).toEqual(['driver.T.conversion']);
    const prepared = prepareAttribution(sim);
    expect(prepared.revenue.drivers.map((d) => d.key)).toEqual(['driver.T.conversion']);
    expect(prepared.badYears.metrics.revenue.drivers.map((d) => d.key)).toEqual(['driver.T.conversion']);
    // Drawn, the market is an input as before.
    const drawn = await run(
      `name: drawn market
market:
  loadings: { conversion: 0.3, leads: 0.2 }
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 1000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 1000
`,
      400,
      3,
    );
    expect(attributionInputs(drawn).drivers.map((d) => [d.key, d.input !== undefined])).toEqual([
      ['driver.market', true],
      ['driver.T.conversion', true],
      ['driver.T.leadsPerMonth', false],
    ]);
  });
});
