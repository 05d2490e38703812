import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadScenario } from '../../../src/scenario/load.js';
import { simulate, type Simulation } from '../../../src/engine/simulate.js';
import { metricColumn } from '../../../src/analysis/columns.js';
import { marketMovesTier } from '../../../src/model/market-moves-tier.js';
import { summarize } from '../../../src/analysis/summarize.js';
import { ROOT, run, writeFiles } from '../../helpers/fixtures.js';

const LOADINGS = ['leads', 'conversion', 'acv', 'renewal', 'contraction', 'expansion'] as const;
const METRICS = ['revenue', 'bookings', 'endingArr'] as const;

/** Every trial of a tier's three metrics equal in two runs. */
function sameTier(a: Simulation, b: Simulation, tier: string): boolean {
  const name = a.plan.tiers.length > 1 ? tier : undefined;
  return METRICS.every((m) => {
    const x = metricColumn(a, m, name);
    const y = metricColumn(b, m, name);
    return x.every((v, i) => Object.is(v, y[i]));
  });
}

describe('which tiers the market moves', () => {
  it('is exactly the tiers whose outcomes differ between a market factor of -2 and +2 on the same draws (every example scenario, each loading alone)', async () => {
    // The truth is read from the simulator, not from the rule: a stress case's fixed factor leaves
    // every stream as it was (common random numbers), so a tier the market cannot move gives the
    // same trials at z = -2 and z = +2, and a tier it moves differs.
    const dir = writeFiles({});
    cpSync(join(ROOT, 'scenarios', 'data'), join(dir, 'data'), { recursive: true });
    cpSync(join(ROOT, 'scenarios', 'example.yaml'), join(dir, 'example.yaml')); // downside's base
    let moved = 0;
    let unmoved = 0;
    for (const name of ['example', 'downside', 'smb-lead-driven', 'enterprise-rep-driven', 'hybrid-company']) {
      const doc = YAML.parse(readFileSync(join(ROOT, 'scenarios', `${name}.yaml`), 'utf8'));
      for (const loading of LOADINGS) {
        const at = async (factor: number) => {
          const file = join(dir, `${name}-${loading}-${factor}.yaml`);
          writeFileSync(file, YAML.stringify({ ...doc, market: { loadings: { [loading]: 0.5 }, factor } }));
          return simulate(await loadScenario(file), { trials: 100, seed: 3, workers: 0 });
        };
        const [low, high] = [await at(-2), await at(2)];
        for (const tier of low.plan.tiers) {
          const same = sameTier(low, high, tier.name);
          expect(marketMovesTier(tier), `${name}, ${loading} loaded, tier ${tier.name}`).toBe(!same);
          if (same) unmoved++;
          else moved++;
        }
      }
    }
    // Both kinds occur (a test of the rule on one side only could not fail on the other).
    expect(moved).toBeGreaterThan(0);
    expect(unmoved).toBeGreaterThan(0);
  });

  it('is false for a tier whose loaded drivers the market cannot move (a rate pinned at 0 or 1), and never false for a tier it moves (checked the same way)', async () => {
    const dir = writeFiles({});
    const yaml = `name: pinned
market:
  loadings: { conversion: 0.5, renewal: 0.5, leads: 0.5 }
tiers:
  - name: Live
    newBusiness:
      leadsPerMonth: 400
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
  - name: NoConversion
    newBusiness:
      leadsPerMonth: 400
      conversion: 0
      acv: 10000
  - name: NoLeads
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
  - name: AllRenew
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: 1
`;
    const at = async (factor: number) => {
      const file = join(dir, `pinned${factor}.yaml`);
      writeFileSync(file, yaml.replace('market:\n', `market:\n  factor: ${factor}\n`));
      return simulate(await loadScenario(file), { trials: 200, seed: 3, workers: 0 });
    };
    const [low, high] = [await at(-2), await at(2)];
    expect(low.plan.tiers.map((t) => [t.name, !sameTier(low, high, t.name)])).toEqual([['Live', true], ['NoConversion', false], ['NoLeads', false], ['AllRenew', false]]);
    // NoConversion's leads and NoLeads' conversion do move with the market, to no effect on their
    // tier (no deals either way): the rule reads drivers, so it counts those tiers as moved. Their
    // metrics are the same in every trial, and their attribution says so (not estimable).
    expect(low.plan.tiers.map(marketMovesTier)).toEqual([true, true, true, false]);
    // The pinned drivers never vary, so they are not listed as moving with the market (before:
    // 'NoConversion conversion (no year-level uncertainty of its own: moves with the market) 0.0%').
    const sim = await run(yaml, 2_000, 5);
    const summary = summarize(sim);
    expect(summary.sensitivity.drivers.map((d) => d.label).sort()).toEqual(['Live conversion', 'Live leads a month', 'Market', 'NoConversion leads a month', 'NoLeads conversion']);
    expect(summary.sensitivityByTier!.NoConversion!.notEstimable).toMatch(/same in every trial/);
  });

  it('leaves the market out altogether when its loadings reach no tier (renewal loaded, no customer book)', async () => {
    const yaml = `name: new only
market:
  loadings:
    renewal: 1.5
tiers:
  - name: New
    newBusiness:
      leadsPerMonth: 2000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
`;
    const sim = await run(yaml, 2_000, 5);
    expect(sim.plan.tiers.map(marketMovesTier)).toEqual([false]);
    const summary = summarize(sim);
    expect(summary.sensitivity.drivers.map((d) => d.label)).toEqual(['New conversion']);
    expect(summary.badYears.metrics.revenue.drivers.map((d) => d.label)).toEqual(['New conversion']);
  });
});
