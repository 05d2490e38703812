import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/engine/simulate.js';
import { attributionInputs } from '../../src/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { whatMustBeTrue } from '../../src/analysis/what-must-be-true.js';
import { decide } from '../../src/analysis/decisions.js';
import type { MetricTarget } from '../../src/scenario/targets-schema.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * whatMustBeTrue reads its target as a scenario's targets.metrics[] (RangeError otherwise): a
 * misspelt `value` compared every trial with NaN, reached by none ("trialsReaching: 0"), without a word.
 */
const example = parseScenario(readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8'), 'example.yaml');
const sim = await simulate(example, { trials: 600, workers: 0, seed: 3 });
const inputs = attributionInputs(sim);
const revenue = sim.store.column('revenue')!;
const sens = sensitivity(inputs, revenue);
const as = <T>(v: unknown) => v as T;

function thrown(target: unknown): string {
  try {
    whatMustBeTrue(inputs, revenue, sens, as<MetricTarget>(target), 'label');
    return 'returned';
  } catch (err) {
    return `${(err as Error).name} ${(err as Error).message}`;
  }
}

describe('whatMustBeTrue refuses a target it would misread', () => {
  it.each<[string, unknown, string]>([
    ['a misspelt value', { metric: 'revenue', valeu: 1e8 }, 'target.value must be a finite number (got undefined; "valeu" is not a key of a target: did you mean value?)'],
    ['a value of NaN', { metric: 'revenue', value: NaN }, 'target.value must be a finite number (got NaN)'],
    ['a value as a string', { metric: 'revenue', value: '1e8' }, 'target.value must be a finite number (got string)'],
    // The metric meant, as targets.metrics[].metric and --target name it (it gave the list alone).
    ['a metric misspelt', { metric: 'revenu', value: 1e8 }, 'target.metric must be one of revenue, bookings, endingArr (got "revenu"; did you mean revenue?)'],
    ['a metric as finance says it', { metric: 'ARR', value: 1e8 }, 'target.metric must be one of revenue, bookings, endingArr (got "ARR"; did you mean endingArr?)'],
    ['a metric of no guess', { metric: 'margin', value: 1e8 }, 'target.metric must be one of revenue, bookings, endingArr (got "margin")'],
    ['a tier that is not a name', { metric: 'revenue', value: 1e8, tier: 1 }, "target.tier must be a tier's name (got number)"],
    ['no object', 1e8, 'the target must be { metric, value, tier? } (got number)'],
    // Before: passed as an other key, so the tier was left out (the whole company's revenue).
    ['a misspelt tier', { metric: 'revenue', value: 1e8, teir: 'SMB' }, 'target.teir is not a key of a target (did you mean tier?); its keys are metric, value, tier, label'],
    ['a key of no target', { metric: 'revenue', value: 1e8, goal: 1 }, 'target.goal is not a key of a target; its keys are metric, value, tier, label'],
  ])('%s', (_, target, expected) => {
    expect(thrown(target)).toBe(`RangeError whatMustBeTrue: ${expected}`);
  });

  it('a target as the schema reads it gives what it gave', () => {
    const w = whatMustBeTrue(inputs, revenue, sens, { metric: 'revenue', value: 1e8 }, 'label');
    let reaching = 0;
    for (const v of revenue) if (v >= 1e8) reaching++;
    expect(w.trialsReaching).toBe(reaching);
    expect(w.value).toBe(1e8);
  });

  it("a decided target (decide's, with its probability and shortfall, as summarize passes it) is read as its target", () => {
    const decided = decide(sim, { targets: { metrics: [{ metric: 'revenue', value: 1e8, label: 'Plan' }] } }).targets[0]!;
    expect(Object.keys(decided).sort()).toEqual(['certain', 'label', 'metric', 'p10MinusTarget', 'probability', 'shortfall', 'value']);
    expect(whatMustBeTrue(inputs, revenue, sens, decided, 'Plan')).toEqual(whatMustBeTrue(inputs, revenue, sens, { metric: 'revenue', value: 1e8 }, 'Plan'));
  });
});
