import { beforeAll, describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { decide } from '../../src/analysis/decisions.js';
import { TWO_TIERS } from '../report/fixture.js';

// Whether a chance of 0 or 1 is certain or an estimate is the analysis's to say, once, for every
// output (it was worked out three ways in the reports, and not at all in one).
let sim: Simulation;
beforeAll(async () => {
  sim = await simulate(parseScenario(TWO_TIERS, 'plan.yaml'), { trials: 50, seed: '7', workers: 0 });
});

describe('certain: the metric is the same in every trial', () => {
  const targets = { metrics: [{ metric: 'revenue' as const, value: 1e15, label: 'Never' }] };

  it('is false of a target whose metric varies, even when no trial reaches it', () => {
    const t = decide(sim, { targets }).targets[0]!;
    expect(t.probability.value).toBe(0);
    expect(t.certain).toBe(false);
  });

  it('is true of a target whose metric is the same in every trial (a year the actuals close)', () => {
    const revenue = sim.store.column('revenue')!;
    const kept = Float64Array.from(revenue);
    try {
      revenue.fill(5e6);
      expect(decide(sim, { targets }).targets[0]!.certain).toBe(true);
    } finally {
      revenue.set(kept);
    }
  });
});
