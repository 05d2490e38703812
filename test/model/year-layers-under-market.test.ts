import { describe, expect, it } from 'vitest';
import { column, run } from '../helpers/fixtures.js';

/**
 * Every driver's own year-level draw under the market factor, every driver at once, every loading at
 * -3 (the schema's most negative: a driver moving against the market), -1, 0, 1 and 3. For each
 * trial and driver, independently of the code (the scenario's documented rules, README "Drivers
 * move together"):
 * - its own draw (own.T.key) is independent of the market factor z: |Pearson r| within 4 / sqrt(n)
 *   (n = 2,000: a true correlation of 0.13 is found 90% of the time);
 * - the value used (driver.T.key) is its own draw moved by z as the scenario states: a rate on the
 *   log-odds scale, logit(p) + s b z, with s = -1 for contraction (it moves against the market) and
 *   +1 for every other rate; a volume or amount level (lead mean, ACV median, rep productivity)
 *   times exp(b z - b^2 / 2); drivers the market does not move (price uplift, the expansion size,
 *   rep capacity, attrition and hire slips) as drawn. Within the single precision the columns are stored in;
 * - hence the sign: a positive loading moves every moved driver up with z (contraction down), a
 *   negative loading the other way, and 0 leaves each exactly its own draw.
 */
const TRIALS = 2000;

const yaml = (b: number) => `
name: every driver at once
market: { loadings: { leads: ${b}, conversion: ${b}, acv: ${b}, renewal: ${b}, contraction: ${b}, expansion: ${b} } }
tiers:
  - name: T
    existing:
      customers: 120
      openingArr: 1200000
      renewalRate: { dist: beta, mean: 0.85, sd: 0.05 }
      priceUplift: { dist: beta, mean: 0.03, sd: 0.01 }
      contraction: { probability: { dist: beta, mean: 0.1, sd: 0.03 }, size: 0.2 }
      expansion: { probability: { dist: beta, mean: 0.15, sd: 0.04 }, size: { dist: lognormal, median: { dist: pert, min: 0.1, mode: 0.2, max: 0.4 }, p90: 0.6 } }
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 50, p90: 70 } }
      conversion: { dist: beta, mean: 0.1, sd: 0.03 }
      acv: { dist: lognormal, median: { dist: pert, min: 8000, mode: 10000, max: 13000 }, p90: 25000 }
      openingPipeline: { groups: [{ count: 30, winProbability: { dist: beta, mean: 0.4, sd: 0.1 }, closeMonth: 3 }] }
      reps:
        start: 4
        attrition: { dist: beta, mean: 0.02, sd: 0.01 }
        hireSlip: { probability: { dist: beta, mean: 0.3, sd: 0.1 }, months: 1 }
        hires: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        sourcedDealsPerMonth: { dist: lognormal, median: { dist: pert, min: 0.5, mode: 1, max: 2 }, p90: 2 }
        capacity: { dist: pert, min: 6, mode: 8, max: 10 }
    newCustomerExpansion: { probability: { dist: beta, mean: 0.2, sd: 0.05 }, size: 500 }
`;

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const rate = (sign: number) => (own: number, b: number, z: number) => (own <= 0 || own >= 1 ? own : logistic(logit(own) + sign * b * z));
const volume = (own: number, b: number, z: number) => own * Math.exp(b * z - (b * b) / 2);
const asDrawn = (own: number) => own;

/** Each driver the scenario states, by its column key, with the move the market makes (README). */
const MOVES: Record<string, (own: number, b: number, z: number) => number> = {
  renewalRate: rate(1),
  priceUplift: asDrawn,
  contractionProbability: rate(-1),
  expansionProbability: rate(1),
  'expansion.size': asDrawn,
  leadsPerMonth: volume,
  conversion: rate(1),
  acv: volume,
  'pipeline.1.winProbability': rate(1),
  'reps.attrition': asDrawn,
  'reps.hireSlip': asDrawn,
  'reps.sourcedDealsPerMonth': volume,
  'reps.capacity': asDrawn,
  newCustomerExpansionProbability: rate(1),
};

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]! / n;
    my += y[i]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('year-level layers under the market factor: every driver at once, loadings -3 to 3', () => {
  it.each([-3, -1, 0, 1, 3])('loading %d', async (b) => {
    const sim = await run(yaml(b), TRIALS, `layers ${b}`);
    const keys = sim.plan.layout.columns.map((c) => c.key).filter((k) => k.startsWith('own.T.'));
    const stated = keys.map((k) => k.slice('own.T.'.length));
    // Every driver is here, and none the test does not know (a new one must say how the market moves it).
    expect(stated.sort()).toEqual(Object.keys(MOVES).sort());
    // With every loading 0 there is no market to store: every driver is its own draw.
    if (b === 0) expect(sim.store.column('driver.market')).toBeUndefined();
    const z = b === 0 ? new Float64Array(TRIALS) : column(sim, 'driver.market');
    for (const key of stated) {
      const own = column(sim, `own.T.${key}`);
      const used = column(sim, `driver.T.${key}`);
      if (b !== 0) {
        const r = pearson(own, z);
        expect(Math.abs(r), `${key}: own draw correlates ${r} with the market`).toBeLessThanOrEqual(4 / Math.sqrt(TRIALS));
      }
      const move = MOVES[key]!;
      for (let i = 0; i < TRIALS; i++) {
        // The own draw and z are stored rounded to single precision (relative 2^-24): their rounding carried
        // through the move (a rate near 1 moved towards 1/2 magnifies it), plus the value's own rounding.
        const x = own[i]!;
        const d = Math.abs(x) * 2 ** -24;
        const expected = move(x, b, z[i]!);
        const zi = z[i]!;
        const dz = Math.abs(zi) * 2 ** -24;
        const carried = Math.abs(move(x + d, b, zi) - move(x - d, b, zi)) / 2 + Math.abs(move(x, b, zi + dz) - move(x, b, zi - dz)) / 2;
        const tolerance = 2 * carried + 2 * Math.abs(expected) * 2 ** -24;
        if (!(Math.abs(used[i]! - expected) <= tolerance))
          expect.fail(`${key}, trial ${i}: used ${used[i]} against own ${x} moved by z = ${z[i]}: ${expected} (tolerance ${tolerance})`);
      }
      if (b === 0 || move === asDrawn) expect(used, key).toEqual(own);
      else {
        const sign = (key === 'contractionProbability' ? -1 : 1) * Math.sign(b);
        const rUsed = pearson(used, z);
        expect(Math.sign(rUsed), `${key}: moves with z as ${sign > 0 ? 'up' : 'down'} (r = ${rUsed})`).toBe(sign);
      }
    }
    // The outcome follows: a positive loading on everything makes a good market a good year.
    if (b !== 0) expect(Math.sign(pearson(column(sim, 'revenue'), z))).toBe(Math.sign(b));
  });
});
