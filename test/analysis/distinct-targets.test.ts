import { describe, expect, it } from 'vitest';
import { distinctTargets, shownTargets } from '../../src/scenario/target-labels.js';
import type { MetricTarget } from '../../src/scenario/targets-schema.js';
import { summarize } from '../../src/analysis/summarize.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { studioControls } from '../../src/studio/controls.js';
import { answerOf } from '../../src/studio/answer.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { EMPTY_STATE } from '../../src/studio/state.js';
import { join } from 'node:path';
import { run, scenarioFrom, writeFiles } from '../helpers/fixtures.js';

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
    // A repeat named as the earlier one is shown (its default label) is the same row, in either order.
    expect(distinctTargets([revenue(1e6), revenue(1e6, { label: 'revenue >= 1M' })])).toEqual([revenue(1e6)]);
    expect(distinctTargets([revenue(1e6, { label: 'revenue >= 1M' }), revenue(1e6)])).toEqual([revenue(1e6, { label: 'revenue >= 1M' })]);
    // ... and as it is shown when its default is lengthened to tell it from a near target.
    expect(distinctTargets([revenue(1_000_100), revenue(1_000_200), revenue(1_000_100, { label: 'revenue >= 1.0001M' })])).toEqual([revenue(1_000_100), revenue(1_000_200)]);
    // Labels are the whole list's: a repeat left out changes no other target's label.
    expect(shownTargets([revenue(1_000_100, { label: 'Plan' }), revenue(1_000_200), revenue(1_000_100)]).labels).toEqual(['Plan', 'revenue >= 1.0002M']);
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
    // A label clash names the target by its place in the list as given.
    expect(() => summarize(sim, { targets: { metrics: [revenue(1e6), revenue(1e6), revenue(2e6, { label: 'revenue >= 1M' })] } })).toThrow(/^targets\.metrics\[2\]: /);
    // The scenario's own list, without --target, the same way.
    expect(summarize(sim).decisions.targets.map((t) => t.label)).toEqual(['Plan']);
  });

  it('in a comparison and in the studio', async () => {
    const sim = await run(yaml, 200, 3);
    expect(compareDecisions([sim, sim], { extra: [revenue(1e6)] }).scenarios[0]!.targets.map((t) => t.label)).toEqual(['Plan']);
    expect(studioControls(scenarioFrom(yaml), [revenue(1e6), revenue(3e6)]).targets).toEqual([revenue(1e6, { label: 'Plan' }), revenue(3e6)]);
  });

  it("in the studio's answers: the untouched state is the file's own, and the plan against itself moves no target", async () => {
    const file = join(writeFiles({ 'twice.yaml': yaml }), 'twice.yaml');
    const studio = await openStudioScenario(file);
    const untouched = await studio.scenarioOf(EMPTY_STATE);
    expect(untouched.overlay).toEqual({});
    expect(untouched.loaded.hash).toBe(studio.loaded.hash);
    // Decided by one rule everywhere: a summary's targets line up with the plan's decisions (a target after the repeat included).
    const sim = await run(yaml.replace('value: 1000000 }\n', 'value: 1000000 }\n    - { metric: revenue, value: 99000000000, label: Stretch }\n'), 200, 3);
    const answer = answerOf(sim, 0.8, sim);
    expect(answer.targets.map((t) => t.label)).toEqual(['Plan', 'Stretch']);
    expect(answer.againstPlan.targets.map((t) => t.text)).toEqual(['±0 pts', '±0 pts']);
  });
});
