import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/engine/simulate.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { loadScenario } from '../../src/scenario/load.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import type { StudioState } from '../../src/studio/state.js';
import { generateScenario, writeGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';

// A what-if state is answered as the studio answers it (studio/session.ts): on a warm engine with a
// tier cache, a first pass of 1,000 trials, then the full run resumed from it, one state after
// another (so a state reads back the tiers the states before it share with it). Its full answer must
// be a plain run of its overlay saved as a file (`arrcast run saved.yaml`), bit for bit. Six states of
// a scenario's controls, spread over them (bench/generated-determinism.mts moves every control).
const TRIALS = 1_500;
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-studio-'));
let engine: Engine;
beforeAll(() => {
  engine = createEngine({ workers: 2, tierCacheBytes: 64 * 2 ** 20 });
});
afterAll(async () => {
  await engine?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('generated scenarios: a studio state’s answer is a plain run of its saved overlay', () => {
  it.each(TESTED_SCENARIOS.slice(0, 2))('scenario %d: drivers moved three steps or widened, and a 1-in-5 market year', async (n) => {
    const file = writeGenerated(root, generateScenario(n));
    const studio = await openStudioScenario(file, { allowedRoots: [root] });
    const states: StudioState[] = [];
    for (const c of studio.controls.drivers) {
      states.push({ drivers: { [c.id]: { central: c.values[Math.min(c.values.length - 1, c.planIndex + 3)]! } }, market: null, confidence: 0.8 });
      if (c.spreads) states.push({ drivers: { [c.id]: { spread: c.spreads.at(-1)! } }, market: null, confidence: 0.8 });
    }
    const step = Math.max(1, Math.floor(states.length / 6));
    const picked = states.filter((_, i) => i % step === 0).slice(0, 6);
    if (studio.controls.market) picked.push({ drivers: {}, market: 0.2, confidence: 0.8 });
    expect(picked.length).toBeGreaterThan(4);
    const seed = String(studio.loaded.scenario.seed);
    const differences: string[] = [];
    let answered = 0;
    for (const [i, state] of picked.entries()) {
      let scenario;
      try {
        scenario = await studio.scenarioOf(state);
      } catch {
        continue; // a value the schema refuses: the page shows the refusal, there is nothing to run
      }
      const first = await engine.simulate(scenario.loaded, { trials: 1_000, seed });
      const full = await engine.simulate(scenario.loaded, { trials: TRIALS, seed, resumeFrom: first });
      const saved = join(root, `generated-${n}`, `state-${i}.yaml`);
      writeFileSync(saved, scenario.text);
      const plain = await simulate(await loadScenario(saved, { allowedRoots: [root] }), { trials: TRIALS, seed, workers: 0 });
      for (const d of runDifferences(full, plain)) differences.push(`state ${JSON.stringify(state)}: ${d}`);
      answered++;
    }
    expect(answered).toBeGreaterThan(picked.length / 2);
    expect(differences).toEqual([]);
  }, 120_000);
});
