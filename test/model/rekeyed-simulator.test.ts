import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planScenario, type ScenarioPlan } from '../../src/model/scenario-plan.js';
import { allocateChunkBuffers, simulateChunk } from '../../src/model/simulate-chunk.js';
import { createStream } from '../../src/random/source.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * simulateChunk keeps a plan's simulators from one chunk to the next and keys their streams again
 * (model/simulate-chunk.ts, keptSimulators). A chunk must not depend on which chunks its thread ran
 * before: run on one plan, chunks in a shuffled order and with other seeds between them must give,
 * bit for bit, what each chunk gives on a plan of its own (fresh simulators, fresh streams). Every
 * example scenario: plain tiers, customer books read customer by customer, reps, pipelines.
 */
const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const TRIALS = 120;

async function planOf(file: string): Promise<ScenarioPlan> {
  const loaded = await loadScenario(join(ROOT, 'scenarios', file));
  return planScenario(loaded.scenario, loaded.files ?? {});
}

function chunkOf(plan: ScenarioPlan, seed: string, chunk: number): Float64Array[] {
  const r = simulateChunk(plan, seed, chunk, TRIALS, allocateChunkBuffers(plan));
  return [Float64Array.from(r.wide), Float64Array.from(r.narrow), Float64Array.from(r.componentSums)];
}

describe('a plan\'s kept simulators, keyed again for each chunk, draw what new ones would', () => {
  it.each(SCENARIOS)('%s: chunks in any order on one plan equal each chunk on a plan of its own', async (file) => {
    const shared = await planOf(file);
    const order: Array<[string, number]> = [['7', 3], ['7', 0], ['other seed', 0], ['7', 2], ['7', 3], ['7', 1]];
    for (const [seed, chunk] of order) {
      const alone = chunkOf(await planOf(file), seed, chunk);
      const kept = chunkOf(shared, seed, chunk);
      expect(kept, `${file} seed ${seed} chunk ${chunk}`).toEqual(alone);
    }
    // And the chunks differ from one another: the comparison above is of draws, not of constants.
    expect(chunkOf(shared, '7', 1)[0]).not.toEqual(chunkOf(shared, '7', 2)[0]);
  });

  it('a chunk stopped partway by a model limit leaves nothing behind: the next chunk on the plan is its own', async () => {
    const load = async () => {
      const loaded = await loadScenario(join(ROOT, 'test/fixtures/model-limit-midway.yaml'));
      return planScenario(loaded.scenario, loaded.files ?? {});
    };
    const run = (plan: ScenarioPlan, chunk: number) => {
      const r = simulateChunk(plan, '3', chunk, 200, allocateChunkBuffers(plan));
      return [Float64Array.from(r.wide), Float64Array.from(r.narrow), Float64Array.from(r.componentSums)];
    };
    const shared = await load();
    const outcomes: string[] = [];
    for (let chunk = 0; chunk < 12; chunk++) {
      let kept: Float64Array[];
      try {
        kept = run(shared, chunk);
      } catch (err) {
        expect((err as Error).name).toBe('ModelLimitError');
        outcomes.push('stopped');
        continue;
      }
      expect(kept, `chunk ${chunk}`).toEqual(run(await load(), chunk));
      outcomes.push(outcomes.at(-1) === 'stopped' ? 'after a stop' : 'ran');
    }
    // The fixture does what the test needs: chunks that stop, and chunks run right after one that stopped.
    expect(outcomes.filter((o) => o === 'stopped').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'after a stop').length).toBeGreaterThan(0);
  });

  it('a stream keyed again is the stream of that seed from its start, wherever the old one was', () => {
    const s = createStream('7/0/SMB/leads');
    for (let i = 0; i < 300; i++) s();
    s.fill(new Float64Array(700));
    s.rekey('7/1/SMB/leads');
    const fresh = createStream('7/1/SMB/leads');
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    for (let i = 0; i < 10; i++) a[i] = s();
    s.fill(a.subarray(10));
    for (let i = 0; i < 10; i++) b[i] = fresh();
    fresh.fill(b.subarray(10));
    expect(a).toEqual(b);
    expect(s.state()).toEqual(fresh.state());
  });
});
