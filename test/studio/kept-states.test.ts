import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { deepFreeze } from '../../src/studio/deep-freeze.js';
import type { StudioState } from '../../src/studio/state.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { ROOT } from '../helpers/fixtures.js';

describe("a state's merged scenario, kept and read by every pass and every move back to it", () => {
  it('is the same object each time, and frozen, so no reader can change it for the others', async () => {
    const scenario = await openStudioScenario(join(ROOT, 'scenarios/example.yaml'));
    const c = scenario.controls.drivers[0]!;
    const state: StudioState = { drivers: { [c.id]: { central: c.values[c.planIndex - 1]! } }, market: null, confidence: 0.8 };
    const first = (await scenario.scenarioOf(state)).loaded.scenario;
    expect((await scenario.scenarioOf(state)).loaded.scenario).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tiers[0])).toBe(true);
    expect(() => {
      (first.tiers as { name: string }[])[0]!.name = 'changed';
    }).toThrow(TypeError);
  });
});

describe('deepFreeze', () => {
  it('freezes plain objects and arrays all the way down, and leaves typed arrays and class instances as they are', () => {
    const values = Float64Array.of(1, 2);
    const when = new Date(0);
    const v = deepFreeze({ a: [{ b: 1 }], values, when });
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(Object.isFrozen(v.a)).toBe(true);
    values[0] = 3;
    expect(v.values[0]).toBe(3);
    expect(Object.isFrozen(when)).toBe(false);
  });
});
