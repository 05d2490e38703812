import { describe, expect, it } from 'vitest';
import { column, meanAndSe, run } from '../helpers/fixtures.js';

/**
 * The warm start's leads (those of the months before the year, still closing in it) are simulated,
 * not observed: like the independent reference (bench/numpy/example_model.py, `mean x season x
 * lead_mult` for the L months before the year), this year's market factor and lead level draw scale
 * them; only a `leads` stress spares them (model/lead-stress.ts). A planner who knows them states
 * `earlierLeads` or `openingPipeline`. Every deal here closes 2 months after its lead at conversion 1
 * and ACV 1,200, so month 1's MRR is month -1's leads x 100 and month 2's adds month 0's.
 *
 * The market factor is fixed at z with exp(0.5 z - 0.5^2 / 2) = 1/2: every month's leads are halved.
 */
const HALVING_Z = 2 * (Math.log(0.5) + 0.125);

describe("the warm start's leads move with this year's market and lead level", () => {
  it("a fixed bad market halves the warm start's leads as it halves the year's: MRR exactly 5,000, 10,000, 15,000", async () => {
    const sim = await run(
      `
name: warm start in a bad market
market: { factor: ${HALVING_Z}, loadings: { leads: 0.5 } }
tiers:
  - name: T
    newBusiness: { leadsPerMonth: 100, conversion: 1, salesCycleMonths: 2, acv: 1200 }
`,
      200,
    );
    // 50 leads in every month, the two before the year included (a warm start at the plan would give
    // 10,000, 20,000 and 25,000).
    expect([...new Set(column(sim, 'mrr.1'))]).toEqual([5_000]);
    expect([...new Set(column(sim, 'mrr.2'))]).toEqual([10_000]);
    expect([...new Set(column(sim, 'mrr.3'))]).toEqual([15_000]);
  });

  it("the year's lead level draw (uniform 50..150, plan 100) scales the warm start: Poisson(2 x level) deals in months 1-2", async () => {
    const sim = await run(
      `
name: warm start under a lead level
tiers:
  - name: T
    newBusiness: { leadsPerMonth: { dist: poisson, mean: { dist: uniform, min: 50, max: 150 } }, conversion: 1, salesCycleMonths: 2, acv: 1200 }
`,
      4000,
      5,
    );
    const level = column(sim, 'own.T.leadsPerMonth');
    const warmDeals = Float64Array.from(column(sim, 'mrr.2'), (x) => (x * 12) / 1200);
    // Within the top (bottom) quarter of level draws the level is uniform on 125..150 (50..75), so the
    // warm deals average 2 x 137.5 = 275 (2 x 62.5 = 125); at the plan they would average 200 in both.
    for (const [pick, expected] of [
      [(l: number) => l > 125, 275],
      [(l: number) => l < 75, 125],
    ] as const) {
      const xs = warmDeals.filter((_, i) => pick(level[i]!));
      const { mean, se } = meanAndSe(xs);
      expect(Math.abs(mean - expected), `warm deals ${mean} (SE ${se}) in ${xs.length} trials`).toBeLessThanOrEqual(4 * se);
    }
  });
});
