import { describe, expect, it } from 'vitest';
import { distinctTargets } from '../../src/scenario/target-labels.js';
import type { MetricTarget } from '../../src/scenario/targets-schema.js';
import { summarize } from '../../src/analysis/summarize.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { studioControls } from '../../src/studio/controls.js';
import { run, scenarioFrom } from '../helpers/fixtures.js';

const revenue = (value: number, extra: Partial<MetricTarget> = {}): MetricTarget => ({ metric: 'revenue', value, ...extra });

describe('a target given twice is tested and shown once', () => {
  it('drops a repeat without a label of its own, or with the same label; keeps differently named and different targets', () => {
    const plan = revenue(120e6, { label: 'Plan' });
    expect(distinctTargets([plan, revenue(120e6)])).toEqual([plan]);
    expect(distinctTargets([revenue(120e6), revenue(120e6)])).toEqual([revenue(120e6)]);
    // Labels and tiers are found as everywhere else: without case.
    expect(distinctTargets([plan, revenue(120e6, { label: 'plan ' })])).toEqual([plan]);
    expect(distinctTargets([revenue(30e6, { tier: 'SMB' }), revenue(30e6, { tier: 'smb' })])).toEqual([revenue(30e6, { tier: 'SMB' })]);
    // A repeat the planner named otherwise is theirs to keep; an unnamed target before a named one is kept too.
    expect(distinctTargets([plan, revenue(120e6, { label: 'Stretch' })])).toHaveLength(2);
    expect(distinctTargets([revenue(120e6), plan])).toHaveLength(2);
    // Different targets: another value, metric or tier.
    const different = [revenue(120e6), revenue(120.004e6), { metric: 'bookings', value: 120e6 } as MetricTarget, revenue(120e6, { tier: 'SMB' })];
    expect(distinctTargets(different)).toEqual(different);
  });

  const yaml = `name: twice
trials: 200
targets:
  metrics:
    - { metric: revenue, value: 1000000, label: Plan }
    - { metric: revenue, value: 1000000 }
tiers:
  - name: SMB
    existing: { openingArr: 1000000, customers: 100, renewalRate: { dist: beta, mean: 0.9, sd: 0.05 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: 0.05, acv: 1000 }
`;

  it('in the summary (a run, merged parts, stress cases): one decision row and one "what must be true" each', async () => {
    const sim = await run(yaml, 200, 3);
    const s = summarize(sim, { targets: { metrics: [...sim.loaded.scenario.targets!.metrics, revenue(1e6), revenue(2e6)] } });
    expect(s.decisions.targets.map((t) => t.label)).toEqual(['Plan', 'revenue >= 2M']);
    expect(s.whatMustBeTrue.map((w) => w.target)).toEqual(['Plan', 'revenue >= 2M']);
    // The scenario's own list, without --target, the same way.
    expect(summarize(sim).decisions.targets.map((t) => t.label)).toEqual(['Plan']);
  });

  it('in a comparison and in the studio', async () => {
    const sim = await run(yaml, 200, 3);
    expect(compareDecisions([sim, sim], { extra: [revenue(1e6)] }).scenarios[0]!.targets.map((t) => t.label)).toEqual(['Plan']);
    expect(studioControls(scenarioFrom(yaml), [revenue(1e6), revenue(3e6)]).targets).toEqual([revenue(1e6, { label: 'Plan' }), revenue(3e6)]);
  });
});
