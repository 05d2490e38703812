import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { planLoaded, simulate, type Simulation } from '../../src/engine/simulate.js';
import { mainBuildsTables } from '../../src/engine/table-handoff.js';
import { bindChunkSamplers } from '../../src/model/simulate-chunk.js';
import { collectSumTableKeys, sumTables } from '../../src/model/sum-tables.js';
import { CompoundSumTables } from '../../src/random/compound-sum.js';
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

type Columns = Simulation['store']['columns'];
const bytes = (col: Columns[number]) => Buffer.from(col.buffer, col.byteOffset, col.byteLength);
const sameTrials = (a: Columns, b: Columns) => {
  expect(a.length).toBe(b.length);
  a.forEach((col, i) => expect(bytes(col).equals(bytes(b[i]!)), `column ${i}`).toBe(true));
};
/** A run's first `trials` trials, column by column. */
const firstTrials = (run: Simulation, trials: number): Columns => run.store.columns.map((col) => col.subarray(0, trials)) as Columns;

let warm: Engine | undefined;
afterAll(async () => warm?.close());
afterEach(() => vi.restoreAllMocks());

describe('who builds a run\'s aggregate tables', () => {
  it('the main thread builds them only for a run of two or more chunks on two or more threads', () => {
    expect(mainBuildsTables(1, 1)).toBe(false);
    expect(mainBuildsTables(1, 4)).toBe(false);
    expect(mainBuildsTables(20, 1)).toBe(false);
    expect(mainBuildsTables(2, 2)).toBe(true);
  });

  // Pool runs on the shared 2-core CI machine: 13-18 s for all of these together at load 18, so each
  // half has its own test and a timeout well above that.
  const POOL_RUN_TIMEOUT = 180_000;

  it('a run on one worker thread (1 worker, 2,000 trials) builds none in the main thread, and gives the trials the main thread\'s shared tables give (2 workers)', async () => {
    const buildAll = vi.spyOn(CompoundSumTables.prototype, 'buildAll');
    const before = tablesBuiltHere();
    const one = await simulate(example, { trials: 2_000, seed: 11, workers: 1 });
    // Before: the main thread built every table of every key (55) for each run (shareSumTables: buildAll).
    expect(buildAll).not.toHaveBeenCalled();
    expect(tablesBuiltHere()).toBe(before);
    const shared = await simulate(example, { trials: 2_000, seed: 11, workers: 2 });
    expect(buildAll).toHaveBeenCalled();
    expect(tablesBuiltHere()).toBe(55);
    sameTrials(one.store.columns, shared.store.columns);
  }, POOL_RUN_TIMEOUT);

  it('a single chunk on a warm pool of 2 builds none in the main thread, and gives the first 1,000 trials of a 2-worker run on shared tables', async () => {
    const buildAll = vi.spyOn(CompoundSumTables.prototype, 'buildAll');
    const before = tablesBuiltHere();
    warm = createEngine({ workers: 2 });
    const oneChunk = await warm.simulate(example, { trials: 1_000, seed: 11 });
    expect(buildAll).not.toHaveBeenCalled();
    expect(tablesBuiltHere()).toBe(before);
    // A run's first 1,000 trials are those of a run of 1,000 (engine/chunks.ts); a run of 2 chunks on 2
    // workers is the main thread's shared tables' path.
    const twoChunks = await simulate(example, { trials: 2_000, seed: 11, workers: 2 });
    expect(buildAll).toHaveBeenCalled();
    sameTrials(oneChunk.store.columns, firstTrials(twoChunks, 1_000));
  }, POOL_RUN_TIMEOUT);
});
