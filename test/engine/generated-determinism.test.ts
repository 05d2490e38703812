import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLoaded, simulate, simulateShard, type Simulation } from '../../src/engine/simulate.js';
import { createEngine, type Engine, type EngineSimulateOptions } from '../../src/engine/engine.js';
import { writePartFile } from '../../src/engine/part-file.js';
import { mergeParts } from '../../src/engine/merge.js';
import { simulatedYear } from '../../src/actuals/simulated-year.js';
import { loadScenario } from '../../src/scenario/load.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import type { StudioState } from '../../src/studio/state.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';
import { generateScenario, loadGenerated, writeGenerated, TESTED_SCENARIOS } from '../helpers/generated-scenario.js';
import { runDifferences } from '../helpers/same-run.js';
import { checkStoredIdentities } from '../helpers/identity-checks.js';

/**
 * The brief: the same scenario and seed give the same run, bit for bit (every stored column, every
 * chunk's sums, summarize's JSON: runDifferences), whatever runs it. Checked on generated scenarios
 * (test/helpers/generated-scenario.ts), which hold between them every mechanism of the model, against
 * an in-process run of each: on a warm pool, in shards merged from part files, after other runs on the
 * same warm engine (compiled plans, kept simulators, the tier cache, compiled re-forecasts), and as the
 * studio answers a what-if. bench/generated-determinism.mts runs the same over many more scenarios.
 *
 * Not repeated here: that a run's first trials are a shorter run's (determinism.test.ts), that kept
 * simulators keyed again draw what fresh ones do (model/rekeyed-simulator.test.ts), a shard's own
 * trials (its merge holds them all) and simulateToPrecision's steps (decided by the results of runs
 * checked here). One engine of each kind for the whole file: a pool is slow to start.
 */
const T = 2_500; // two chunks of 1,000 and a half one: both threads of a 2-worker pool, and 7 shards leave some empty
const root = mkdtempSync(join(tmpdir(), 'arrcast-generated-'));
const s: Array<{ n: number; loaded: LoadedScenario; whole: Simulation }> = [];
let engine: Engine;
let cached: Engine;
beforeAll(async () => {
  engine = createEngine({ workers: 2 });
  cached = createEngine({ workers: 2, tierCacheBytes: 64 * 2 ** 20 });
  for (const n of TESTED_SCENARIOS) {
    const { loaded } = await loadGenerated(root, generateScenario(n));
    s.push({ n, loaded, whole: await simulate(loaded, { trials: T, workers: 0 }) });
  }
});

// The accounting identities (test/helpers/identity-checks.ts) on the runs made here anyway: the plans
// and the re-forecasts below (accounting-identities.test.ts checks re-forecasts and every written output).
const unbalanced: string[] = [];
const balanced = (tag: string, sim: Simulation) => unbalanced.push(...checkStoredIdentities(sim).map((v) => `${tag}: ${v.identity}, trial ${v.trial}: ${v.lhs} vs ${v.rhs}`));
afterAll(async () => {
  await engine?.close();
  await cached?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the scenario generator', () => {
  it('gives the same text and files for the same number, and another scenario for another', () => {
    expect(generateScenario(5)).toEqual(generateScenario(5));
    expect(generateScenario(5).text).not.toBe(generateScenario(6).text);
  });

  it('its first 30 scenarios are valid and can be simulated (load and plan)', async () => {
    const refused: string[] = [];
    for (let n = 0; n < 30; n++) {
      try {
        planLoaded((await loadGenerated(root, generateScenario(n))).loaded);
      } catch (err) {
        refused.push(`${n}: ${(err as Error).message}`); // every refusal listed, not the first alone
      }
    }
    expect(refused).toEqual([]);
  });

  it('the scenarios this file runs hold every mechanism between them', () => {
    const text = TESTED_SCENARIOS.map((n) => generateScenario(n).text).join('\n');
    const files = TESTED_SCENARIOS.flatMap((n) => Object.keys(generateScenario(n).files));
    expect(files).toEqual(expect.arrayContaining(['book.csv', 'pipeline.csv']));
    for (const mechanism of ['"leadSources"', '"reps"', '"hireSlip"', '"earlierLeads"', '"groups"', '"terms"', '"serviceStartLagMonths"', '"newCustomerExpansion"', '"renewalAdjustments"', '"dollarRenewalRate"', '"contraction"', '"stress"', '"factor"', '"empirical"', '"discrete"', '"quantiles"', '"median": {', '"mean": {', '"carry"'])
      expect(text, mechanism).toContain(mechanism);
    // Odd but legal tier names: a stream-seed separator, a CSV's quote and comma, JavaScript's own keys.
    expect(text).toMatch(/"name": "(Ent-erprise\/Mid|tier\.with\.dots)"/);
    expect(text).toContain('"name": "a,b \\"quoted\\""');
    expect(text).toMatch(/"name": "(hasOwnProperty|__proto__|constructor|toString)"/);
  });
});

describe('generated scenarios: every way of running a scenario gives its in-process run', () => {
  it('on a warm pool, and in 3 and 7 shards merged from their part files', async () => {
    const d: string[] = [];
    for (const { n, loaded, whole } of s) {
      for (const x of runDifferences(await engine.simulate(loaded, { trials: T }), whole)) d.push(`${n} pool: ${x}`);
      for (const count of [3, 7]) {
        const files: string[] = [];
        for (let index = 0; index < count; index++) {
          const file = join(root, `g${n}-${index + 1}-of-${count}.arrcast-part`);
          await writePartFile(file, await simulateShard(loaded, { trials: T, workers: 0, shard: { index, count } }));
          files.push(file);
        }
        for (const x of runDifferences(await mergeParts(files, { allowedRoots: [root] }), whole)) d.push(`${n} ${count} shards merged: ${x}`);
      }
    }
    expect(d).toEqual([]);
  });

  it('partial chunks on the pool; A, then B, A at another seed and A again on a warm engine and on a tier cache, every run compared', async () => {
    const [{ loaded: a, whole }, { loaded: b, whole: bWhole }] = s as [(typeof s)[0], (typeof s)[0]];
    const d: string[] = [];
    for (const trials of [1, 1_001]) for (const x of runDifferences(await engine.simulate(a, { trials }), await simulate(a, { trials, workers: 0 }))) d.push(`${trials} trials: ${x}`);
    const other = await simulate(a, { trials: T, seed: 'another seed', workers: 0 });
    for (const [label, e] of [
      ['engine', engine],
      ['tier cache', cached],
    ] as const) {
      for (const x of runDifferences(await e.simulate(a, { trials: T }), whole)) d.push(`${label} A: ${x}`);
      for (const x of runDifferences(await e.simulate(b, { trials: T }), bWhole)) d.push(`${label} B: ${x}`);
      // The same scenario at another seed: nothing kept by scenario alone (a compiled plan, a tier's rows) may be read back.
      for (const x of runDifferences(await e.simulate(a, { trials: T, seed: 'another seed' }), other)) d.push(`${label} A at another seed: ${x}`);
      for (const x of runDifferences(await e.simulate(a, { trials: T }), whole)) d.push(`${label} A again: ${x}`);
    }
    expect(d).toEqual([]);
  });

  it('a re-forecast from 2 closed months (pool, 3 shards), then from 3 on the same warm pool', async () => {
    const { loaded } = s[0]!;
    const year = simulatedYear(planLoaded(loaded), String(loaded.scenario.seed), 0);
    const d: string[] = [];
    // Months 3 after months 2 on the same threads: a re-forecast compiled for 2 months must not answer for 3.
    for (const months of [2, 3]) {
      const actuals = { file: year.file, months };
      const alone = await simulate(loaded, { trials: T, workers: 0, actuals });
      balanced(`${s[0]!.n} re-forecast after ${months} months`, alone);
      for (const x of runDifferences(await engine.simulate(loaded, { trials: T, actuals }), alone)) d.push(`${months} months, pool: ${x}`);
      if (months === 2)
        for (let index = 0; index < 3; index++) {
          // In memory: a part file carries no actuals.
          const part = await simulateShard(loaded, { trials: T, workers: 0, actuals, shard: { index, count: 3 } });
          for (const x of runDifferences(part, alone, part.chunks[0]?.offset ?? 0)) d.push(`${months} months, shard ${index + 1}/3: ${x}`);
        }
    }
    expect(d).toEqual([]);
  });

  it('studio states answered by a StudioSession (a first pass, then the full one resumed from it, on the tier cache) are plain runs of their saved overlays', async () => {
    const { n, whole } = s[1]!;
    const studio = await openStudioScenario(writeGenerated(root, generateScenario(n)), { allowedRoots: [root] });
    // The session's engine, keeping every run it returns (by scenario hash and trials) and whether it resumed.
    const runs = new Map<string, { sim: Simulation; resumed: boolean }>();
    const recording = new Proxy(cached, {
      get(target, property, receiver) {
        if (property === 'simulate')
          return async (loaded: LoadedScenario, options: EngineSimulateOptions) => {
            const sim = await target.simulate(loaded, options);
            runs.set(`${loaded.hash} ${options.trials}`, { sim, resumed: options.resumeFrom !== undefined });
            return sim;
          };
        return Reflect.get(target, property, receiver);
      },
    });
    const session = new StudioSession(studio, recording, { trials: T });
    expect(session.firstTrials).toBeLessThan(T);
    // Four driver controls spread over the page (a central moved three steps; one widened) and a
    // 1-in-5 market year. Every one is a scenario the schema accepts: a refusal fails the test.
    const states: StudioState[] = studio.controls.drivers
      .filter((_, i) => i % 8 === 0)
      .slice(0, 4)
      .map((c, i) => ({ drivers: { [c.id]: i === 1 && c.spreads ? { spread: c.spreads.at(-1)! } : { central: c.values[Math.min(c.values.length - 1, c.planIndex + 3)]! } }, market: null, confidence: 0.8 }));
    expect(studio.controls.market).toBeDefined();
    states.push({ drivers: {}, market: 0.2, confidence: 0.8 });
    const d: string[] = [];
    for (const [i, state] of states.entries()) {
      // The page asks for both at once; one after the other here, so that the full pass always resumes
      // (asked at once, it resumes only if the first pass's scenario is read first: both read its files).
      await session.answer(state, 'first');
      await session.answer(state, 'full');
      const { loaded, text } = await studio.scenarioOf(state);
      const full = runs.get(`${loaded.hash} ${T}`)!;
      expect(full.resumed, `state ${i}`).toBe(true);
      const saved = join(root, `generated-${n}`, `state-${i}.yaml`);
      writeFileSync(saved, text);
      const plain = await simulate(await loadScenario(saved, { allowedRoots: [root] }), { trials: T, seed: session.seed, workers: 0 });
      for (const x of runDifferences(full.sim, plain)) d.push(`state ${i} ${JSON.stringify(state)}: ${x}`);
    }
    // The plan every state is compared with is the file's own run.
    for (const x of runDifferences(runs.get(`${studio.loaded.hash} ${T}`)!.sim, whole)) d.push(`the session's plan: ${x}`);
    expect(d).toEqual([]);
  });
});

describe('generated scenarios: the accounting identities', () => {
  it("hold in every trial of the plans and the re-forecasts this file runs (checked after the re-forecasts' test)", () => {
    for (const { n, whole } of s) balanced(`${n} plan`, whole);
    expect(unbalanced).toEqual([]);
  });
});
