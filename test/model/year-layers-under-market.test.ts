import { describe, expect, it } from 'vitest';
import { column, run } from '../helpers/fixtures.js';
import { pearson } from '../helpers/stats.js';

/**
 * Every driver's own year-level draw under the market factor, every driver at once. Each loading
 * differs from every other (in size and sign, from -3, the schema's most negative, to 3), so a driver
 * moved by another driver's loading fails; and each loading alone non-zero, so a driver moved by a
 * loading that is not its own moves where it must stay its own draw. For each trial and driver,
 * independently of the code (the scenario's documented rules, README "Drivers move together"):
 * - its own draw (own.T.key) is independent of the market factor z: |Pearson r| within 4 / sqrt(n)
 *   (n = 2,000: a true correlation of (4 + 1.28) / sqrt(2000) = 0.118 is found 90% of the time);
 * - the value used (driver.T.key) is its own draw moved by z as the scenario states: a rate on the
 *   log-odds scale, logit(p) + s b z, with s = -1 for contraction (it moves against the market) and
 *   +1 for every other rate; a volume or amount level (lead mean, ACV median, rep productivity)
 *   times exp(b z - b^2 / 2); drivers the market does not move (price uplift, the expansion size,
 *   rep capacity, attrition and hire slips) as drawn. Within the single precision the columns are stored in;
 * - hence the sign: a positive loading moves its drivers up with z (contraction down), a negative
 *   loading the other way, and a loading of 0 leaves each of its drivers exactly its own draw.
 * Each driver's loading: its own (renewal, contraction, expansion, leads, conversion, acv), the opening
 * pipeline's win probability conversion's, rep productivity leads', a new customer's expansion
 * probability expansion's. Not reached here: the re-forecast's copies of the rule (src/actuals/
 * likelihood-terms.ts, src/analysis/reforecast-summary.ts).
 */
const TRIALS = 2000;

type Loadings = Record<Loading, number>;

const yaml = (b: Loadings) => `
name: every driver at once
market: { loadings: { leads: ${b.leads}, conversion: ${b.conversion}, acv: ${b.acv}, renewal: ${b.renewal}, contraction: ${b.contraction}, expansion: ${b.expansion} } }
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

type Loading = 'leads' | 'conversion' | 'acv' | 'renewal' | 'contraction' | 'expansion';
type Move = (own: number, b: number, z: number) => number;

/** Each driver the scenario states, by its column key: the loading that moves it and how (README), or none. */
const MOVES: Record<string, [Loading, Move] | undefined> = {
  renewalRate: ['renewal', rate(1)],
  priceUplift: undefined,
  contractionProbability: ['contraction', rate(-1)],
  expansionProbability: ['expansion', rate(1)],
  'expansion.size': undefined,
  leadsPerMonth: ['leads', volume],
  conversion: ['conversion', rate(1)],
  acv: ['acv', volume],
  'pipeline.1.winProbability': ['conversion', rate(1)],
  'reps.attrition': undefined,
  'reps.hireSlip': undefined,
  'reps.sourcedDealsPerMonth': ['leads', volume],
  'reps.capacity': undefined,
  newCustomerExpansionProbability: ['expansion', rate(1)],
};

const NAMES: Loading[] = ['leads', 'conversion', 'acv', 'renewal', 'contraction', 'expansion'];
const only = (name: Loading, b: number): Loadings => ({ ...Object.fromEntries(NAMES.map((n) => [n, 0])), [name]: b }) as Loadings;
const ZERO = only('leads', 0);

/** [label, loadings, the outcome's sign with z (when every loading moves the year the same way)]. */
const CASES: [string, Loadings, number | undefined][] = [
  ['all positive, each its own size', { leads: 0.3, conversion: 0.7, acv: 1.1, renewal: 1.9, contraction: 2.3, expansion: 3 }, 1],
  ['all negative, each its own size', { leads: -3, conversion: -2.3, acv: -1.9, renewal: -1.1, contraction: -0.7, expansion: -0.3 }, -1],
  ['mixed signs, each its own size', { leads: -0.7, conversion: 1.9, acv: 0.3, renewal: -3, contraction: 1.1, expansion: -2.3 }, undefined],
  ['every loading 0', ZERO, undefined],
  // One loading alone: every driver of another loading must stay exactly its own draw. Signs alternate.
  ...NAMES.map((n, i): [string, Loadings, number | undefined] => [`${n} alone`, only(n, i % 2 === 0 ? 1.5 : -1.5), undefined]),
];

describe('year-level layers under the market factor: every driver at once, loadings distinct and alone', () => {
  it.each(CASES)('%s', async (label, b, outcomeSign) => {
    const sim = await run(yaml(b), TRIALS, `layers ${label}`);
    const keys = sim.plan.layout.columns.map((c) => c.key).filter((k) => k.startsWith('own.T.'));
    const stated = keys.map((k) => k.slice('own.T.'.length));
    // Every driver is here, and none the test does not know (a new one must say how the market moves it).
    expect(stated.sort()).toEqual(Object.keys(MOVES).sort());
    const anyMarket = NAMES.some((n) => b[n] !== 0);
    // With every loading 0 there is no market to store: every driver is its own draw.
    if (!anyMarket) expect(sim.store.column('driver.market')).toBeUndefined();
    const z = anyMarket ? column(sim, 'driver.market') : new Float64Array(TRIALS);
    for (const key of stated) {
      const own = column(sim, `own.T.${key}`);
      const used = column(sim, `driver.T.${key}`);
      if (anyMarket) {
        const r = pearson(own, z);
        expect(Math.abs(r), `${key}: own draw correlates ${r} with the market`).toBeLessThanOrEqual(4 / Math.sqrt(TRIALS));
      }
      const moved = MOVES[key];
      const bk = moved === undefined ? 0 : b[moved[0]];
      if (moved === undefined || bk === 0) {
        expect(used, `${key}: its loading is 0 or none, so it is its own draw`).toEqual(own);
        continue;
      }
      const [loading, move]: [Loading, Move] = moved;
      for (let i = 0; i < TRIALS; i++) {
        // The own draw and z are stored rounded to single precision (relative 2^-24): their rounding carried
        // through the move (a rate near 1 moved towards 1/2 magnifies it), plus the value's own rounding.
        const x = own[i]!;
        const d = Math.abs(x) * 2 ** -24;
        const zi = z[i]!;
        const expected = move(x, bk, zi);
        const dz = Math.abs(zi) * 2 ** -24;
        const carried = Math.abs(move(x + d, bk, zi) - move(x - d, bk, zi)) / 2 + Math.abs(move(x, bk, zi + dz) - move(x, bk, zi - dz)) / 2;
        const tolerance = 2 * carried + 2 * Math.abs(expected) * 2 ** -24;
        if (!(Math.abs(used[i]! - expected) <= tolerance))
          expect.fail(`${key}, trial ${i}: used ${used[i]} against own ${x} moved by ${loading} loading ${bk} at z = ${zi}: ${expected} (tolerance ${tolerance})`);
      }
      const sign = (key === 'contractionProbability' ? -1 : 1) * Math.sign(bk);
      const rUsed = pearson(used, z);
      expect(Math.sign(rUsed), `${key}: moves with z as ${sign > 0 ? 'up' : 'down'} (r = ${rUsed})`).toBe(sign);
    }
    // The outcome follows: loadings all moving the year one way make a good market a good year (or a bad one).
    if (outcomeSign !== undefined) expect(Math.sign(pearson(column(sim, 'revenue'), z))).toBe(outcomeSign);
  });
});
