import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { simulate, simulateShard, type Simulation } from '../../src/engine/simulate.js';
import { RunAbortedError, RunOptionError } from '../../src/engine/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';

const engine = createEngine({ workers: 2 });
afterAll(() => engine.close());

const sameTrials = (a: Simulation, b: Simulation) => {
  expect(a.store.columns.length).toBe(b.store.columns.length);
  a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength)), `column ${i}`).toBe(true));
  expect(Array.from(a.store.componentSums())).toEqual(Array.from(b.store.componentSums()));
};

describe('createEngine: a warm pool kept between runs', () => {
  it('gives the trials of simulate(), bit for bit, run after run and scenario after scenario', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const hybrid = await loadScenario(join(ROOT, 'scenarios/hybrid-company.yaml'));
    const reference = await simulate(example, { trials: 2_500, seed: 4, workers: 0 });
    sameTrials(await engine.simulate(example, { trials: 2_500, seed: 4 }), reference);
    // Another scenario on the same threads (the workers keep both plans), then the first again.
    sameTrials(await engine.simulate(hybrid, { trials: 1_500, seed: 4 }), await simulate(hybrid, { trials: 1_500, seed: 4, workers: 0 }));
    sameTrials(await engine.simulate(example, { trials: 2_500, seed: 4, workers: 1 }), reference);
    // In-process on request.
    sameTrials(await engine.simulate(example, { trials: 2_500, seed: 4, workers: 0 }), reference);
  });

  it('runs shards: the same part as simulateShard', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const a = await engine.simulateShard(example, { trials: 5_000, seed: 2, shard: { index: 1, count: 2 } });
    const b = await simulateShard(example, { trials: 5_000, seed: 2, shard: { index: 1, count: 2 }, workers: 0 });
    expect(a.chunks).toEqual(b.chunks);
    a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength))).toBe(true));
  });

  it('an abort rejects at once with RunAbortedError and leaves the pool warm for the next run', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const abort = new AbortController();
    // The caller's reason is the error's cause (piscina's style), through the engine's own relay.
    const reason = new Error('enough');
    let progressed = 0;
    const run = engine.simulate(example, {
      trials: 200_000,
      seed: 1,
      signal: abort.signal,
      onProgress: (done) => {
        progressed = done;
        if (done >= 2_000) abort.abort(reason);
      },
    });
    await expect(run).rejects.toSatisfy((err) => err instanceof RunAbortedError && err.name === 'AbortError' && err.cause === reason);
    expect(progressed).toBeLessThan(200_000);
    // An already aborted signal: nothing runs.
    const before = { why: 'aborted before the call' };
    await expect(engine.simulate(example, { trials: 1_000, signal: AbortSignal.abort(before) })).rejects.toSatisfy((err) => err instanceof RunAbortedError && err.cause === before);
    sameTrials(await engine.simulate(example, { trials: 1_200, seed: 8 }), await simulate(example, { trials: 1_200, seed: 8, workers: 0 }));
  });

  it('checks its options, and refuses runs once closed', async () => {
    expect(() => createEngine({ workers: 0 })).toThrow(RunOptionError);
    expect(() => createEngine({ workers: 1.5 })).toThrow('an engine needs a whole number of worker threads from 1 to 256 (got 1.5)');
    const closed = createEngine({ workers: 1 });
    await closed.close();
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    await expect(closed.simulate(example, { trials: 100 })).rejects.toThrow('this engine is closed');
    await closed.close();
  });

  it('close() cancels the runs still going: they reject with RunAbortedError, not as a failed chunk', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    // On the pool, in-process and a shard, each closed once its first chunk is in. Before the fix the
    // pool's runs failed as 'chunk N (trials ...) failed: Terminating worker thread' (ChunkFailedError,
    // exit 1 in the CLI's words: a worker at fault), and the in-process run went on to its end.
    const runs = [
      (e: Engine, onProgress: () => void) => e.simulate(example, { trials: 200_000, seed: 1, onProgress }),
      (e: Engine, onProgress: () => void) => e.simulate(example, { trials: 200_000, seed: 1, workers: 0, onProgress }),
      (e: Engine, onProgress: () => void) => e.simulateShard(example, { trials: 400_000, seed: 1, shard: { index: 0, count: 2 }, onProgress }),
    ];
    for (const start of runs) {
      const closing = createEngine({ workers: 2 });
      let closed: Promise<void> | undefined;
      const run = start(closing, () => (closed ??= closing.close()));
      const err: unknown = await run.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RunAbortedError);
      expect((err as Error).message).toBe('the run was cancelled: its engine was closed');
      await closed;
    }
    // The caller's own abort keeps its own words, on an engine closed after it.
    const closing = createEngine({ workers: 1 });
    const abort = new AbortController();
    const run = closing.simulate(example, { trials: 100_000, seed: 1, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toThrow(/^the run was cancelled$/);
    await closing.close();
  });

  it('refuses a scenario edited in place after loading, on the warm engine and off it, rather than run it as the one it was', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const other = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    await engine.simulate(example, { trials: 2_000, seed: 7 });
    // Before the fix the warm threads ran their compiled plan of the old conversion (same hash): the
    // trials of the first run, while simulate() in-process ran the new one.
    const nb = example.scenario.tiers[0]!.newBusiness!;
    (nb as { conversion: unknown }).conversion = { dist: 'beta', mean: 0.02, sd: 0.004 };
    await expect(engine.simulate(example, { trials: 2_000, seed: 7 })).rejects.toThrow(/changed after it was loaded/);
    await expect(simulate(example, { trials: 2_000, seed: 7, workers: 0 })).rejects.toThrow(/changed after it was loaded/);
    await expect(engine.simulateShard(example, { trials: 2_000, seed: 7, shard: { index: 0, count: 2 } })).rejects.toThrow(/changed after it was loaded/);
    // A scenario loaded on its own is untouched by that edit, and runs.
    expect((await engine.simulate(other, { trials: 1_000, seed: 7 })).trials).toBe(1_000);
  });

  it('refuses a customer book edited in place after loading, rather than run the book that was loaded', async () => {
    const file = join(ROOT, 'scenarios/enterprise-rep-driven.yaml');
    const loaded = await loadScenario(file);
    await engine.simulate(loaded, { trials: 1_000, seed: 7 });
    // The threads keep the plan compiled for the scenario's hash, which covers the book's bytes as
    // read: a doubled ARR would have run as the old one there (and in a resume or the tier-part cache).
    const book = Object.values(loaded.files!.books!)[0]!;
    book.arr[0] = book.arr[0]! * 2;
    await expect(engine.simulate(loaded, { trials: 1_000, seed: 7 })).rejects.toThrow(/data of the files .* was changed after it was loaded/);
    await expect(simulate(loaded, { trials: 1_000, seed: 7, workers: 0 })).rejects.toThrow(RangeError);
    // Put back as it was, it runs again.
    book.arr[0] = book.arr[0]! / 2;
    expect((await engine.simulate(loaded, { trials: 1_000, seed: 7 })).trials).toBe(1_000);
    expect((await engine.simulate(await loadScenario(file), { trials: 1_000, seed: 7 })).trials).toBe(1_000);
  });

  it('runs an edited copy of a loaded scenario as what it is, though the copy carries the original hash', async () => {
    const example = await loadScenario(join(ROOT, 'scenarios/example.yaml'));
    const tier = example.scenario.tiers[0]!;
    const copy = { ...example, scenario: { ...example.scenario, tiers: [{ ...tier, newBusiness: { ...tier.newBusiness!, conversion: 0.5 } }, ...example.scenario.tiers.slice(1)] } };
    expect(copy.hash).toBe(example.hash);
    await engine.simulate(example, { trials: 1_000, seed: 5 });
    // Before the fix the warm threads found the original's plan under the copy's (stale) hash and ran it.
    sameTrials(await engine.simulate(copy, { trials: 1_000, seed: 5 }), await simulate(copy, { trials: 1_000, seed: 5, workers: 0 }));
    // A resume reuses chunks of the same scenario only: the original's are not the copy's.
    const first = await simulate(example, { trials: 1_000, seed: 5, workers: 0 });
    await expect(simulate(copy, { trials: 2_000, seed: 5, workers: 0, resumeFrom: first })).rejects.toThrow(/same scenario and seed/);
  });
});
