import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { planLoaded, simulate, type Simulation } from '../../src/engine/simulate.js';
import { mainBuildsTables } from '../../src/engine/table-handoff.js';
import { bindChunkSamplers } from '../../src/model/simulate-chunk.js';
import { collectSumTableKeys, sumTables } from '../../src/model/sum-tables.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * A run whose chunks all go to one worker thread leaves the aggregate tables to that thread (it builds
 * only those it draws or reads the error of); a run on two or more threads has the main thread build
 * them all and send them. The tables are deterministic, so both give the same trials, bit for bit.
 */
const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));

/** Tables built in this (the main) thread for the example's sum keys. */
function tablesBuiltHere(): number {
  const keys = collectSumTableKeys(() => bindChunkSamplers(planLoaded(example)));
  expect(keys.length).toBeGreaterThan(0);
  return keys.reduce((n, key) => n + sumTables(key, () => { throw new Error(`no set for ${key}`); }).built().filter((t) => t !== undefined).length, 0);
}

const sameTrials = (a: Simulation, b: Simulation) => {
  expect(a.store.columns.length).toBe(b.store.columns.length);
  a.store.columns.forEach((col, i) =>
    expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength)), `column ${i}`).toBe(true),
  );
};

let warm: Engine | undefined;
afterAll(async () => warm?.close());

describe('who builds a run\'s aggregate tables', () => {
  it('the main thread builds them only for a run of two or more chunks on two or more threads', () => {
    expect(mainBuildsTables(1, 1)).toBe(false);
    expect(mainBuildsTables(1, 4)).toBe(false);
    expect(mainBuildsTables(20, 1)).toBe(false);
    expect(mainBuildsTables(2, 2)).toBe(true);
  });

  it('a run on one worker thread (1 worker, 2,000 trials; then 1 chunk on a warm pool of 2) builds none in the main thread, and gives the trials the main thread\'s shared tables give (2 workers)', async () => {
    const one = await simulate(example, { trials: 2_000, seed: 11, workers: 1 });
    warm = createEngine({ workers: 2 });
    const oneChunk = await warm.simulate(example, { trials: 1_000, seed: 11 });
    // Before: the main thread built every table of every key (55) for each run.
    expect(tablesBuiltHere()).toBe(0);
    const shared = await simulate(example, { trials: 2_000, seed: 11, workers: 2 });
    expect(tablesBuiltHere()).toBe(55);
    sameTrials(one, shared);
    // A run's first 1,000 trials are those of a run of 1,000 (engine/chunks.ts).
    const firstChunk = await simulate(example, { trials: 1_000, seed: 11, workers: 2 });
    sameTrials(oneChunk, firstChunk);
  });
});
