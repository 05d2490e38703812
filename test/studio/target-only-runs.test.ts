import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { openStudioScenario, type StudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import type { StudioState } from '../../src/studio/state.js';
import { countedEngine } from '../helpers/counted-engine.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A state's targets do not change its trials (the engine never reads them), so the studio simulates
 * the trials of states that differ in their targets alone once. With a --target, the first view ran
 * the file as written (for "against the plan") and the same file with the target, the same trials
 * twice; each target typed at a moved state ran the state's full pass again.
 */
const engine = createEngine({ workers: 1 });
const simulations: number[] = [];
const counted = countedEngine(engine, (r) => simulations.push(r.trials!));
const TRIALS = 2_500;
let scenario: StudioScenario;
let session: StudioSession;

beforeAll(async () => {
  scenario = await openStudioScenario(join(ROOT, 'scenarios/example.yaml'), { targets: [{ metric: 'revenue', value: 120e6 }] });
  session = new StudioSession(scenario, counted, { trials: TRIALS, seed: 3 });
});
afterAll(() => engine.close());

/** P(revenue >= value) counted on a run of the state's scenario made here, straight from the engine. */
async function shareAtLeast(state: StudioState, value: number): Promise<number> {
  const sim = await engine.simulate((await scenario.scenarioOf(state)).loaded, { trials: TRIALS, seed: '3' });
  const revenue = sim.store.column('revenue')!;
  let hits = 0;
  for (const v of revenue) if (v >= value) hits++;
  return hits / revenue.length;
}

describe('a state that differs in its targets alone is not simulated again', () => {
  const values = () => scenario.controls.targets.map((t) => t.value);
  const last = () => scenario.controls.targets.length - 1;

  it('the first view with a --target runs each pass once, and a new target value runs nothing', async () => {
    expect(scenario.controls.targets.at(-1)).toMatchObject({ metric: 'revenue', value: 120e6 });
    const start: StudioState = { drivers: {}, market: null, confidence: 0.8 };
    await Promise.all([session.answer(start, 'first'), session.answer(start, 'full')]);
    expect(simulations).toEqual([2_000, TRIALS]);
    const targets = values().map((v, i) => (i === last() ? 123_456_789 : v));
    const answer = await session.answer({ ...start, targets }, 'full');
    expect(simulations).toEqual([2_000, TRIALS]);
    expect(answer.targets[last()]!.probability.value).toBe(await shareAtLeast({ ...start, targets }, 123_456_789));
  });

  it('at a moved state, a new target value or confidence reads the state\'s trials back', async () => {
    const moved: StudioState = { drivers: { '0/conversion': { central: 0.028 } }, market: null, confidence: 0.8 };
    simulations.length = 0;
    await Promise.all([session.answer(moved, 'first'), session.answer(moved, 'full')]);
    expect(simulations).toEqual([2_000, TRIALS]);
    const targets = values().map((v, i) => (i === last() ? 118_765_432 : v));
    const retargeted = await session.answer({ ...moved, targets, confidence: 0.7 }, 'full');
    const first = await session.answer({ ...moved, targets }, 'first');
    expect(simulations).toEqual([2_000, TRIALS]);
    expect(retargeted.hash).toBe((await scenario.scenarioOf({ ...moved, targets })).loaded.hash);
    expect(retargeted.targets[last()]!.probability.value).toBe(await shareAtLeast({ ...moved, targets }, 118_765_432));
    expect(first.trials).toBe(2_000);
  });
});
