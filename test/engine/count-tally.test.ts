import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CountTally } from '../../src/engine/count-tally.js';
import { TrialStore } from '../../src/engine/trial-store.js';
import { RunningMoments } from '../../src/math/running-moments.js';
import type { TrialLayout } from '../../src/model/trial-layout.js';
import type { ChunkResult } from '../../src/model/simulate-chunk.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { RunOptionError } from '../../src/engine/errors.js';

/** The finite values sorted ascending (-0 before +0): what a tally's order statistics must be. */
const sortedFinite = (values: readonly number[]) => Float64Array.from(values.filter(Number.isFinite)).sort();
const show = (v: number | undefined) => (Object.is(v, -0) ? '-0' : String(v));

describe('CountTally', () => {
  it('gives the order statistics of the values it counted, at every rank, whatever the values (fast-check)', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 70 }),
      fc.integer({ min: 65_530, max: 70_000 }),
      fc.constantFrom(-0, 0, 0.5, 1.5, 2.25, -3, NaN, Infinity, -Infinity, 65_535, 65_536),
      fc.float({ noNaN: false }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (raw) => {
        const values = raw.map((v) => Math.fround(v));
        const tally = new CountTally();
        tally.add(Float32Array.from(values.slice(0, 7)));
        tally.add(Float32Array.from(values.slice(7)));
        const sorted = sortedFinite(values);
        const ranks = [...Array(sorted.length + 2).keys()].map((r) => r - 1);
        const got = tally.select(ranks);
        expect([...got.keys()].sort((a, b) => a - b)).toEqual([...sorted.keys()]);
        for (const [rank, v] of got) expect(show(v)).toBe(show(sorted[rank]));
      }),
    );
  });

  it('counts a range of values, and thousands of distinct fractions (its table of them grown many times)', () => {
    // Logo renewal's kind of values: fractions, each met many times, -0 and NaN among them.
    const values = Float32Array.from({ length: 40_000 }, (_, i) => (i % 997 === 3 ? NaN : i % 1009 === 5 ? -0 : Math.fround(((i * 7919) % 3001) / 3001 - 0.25)));
    const tally = new CountTally();
    tally.add(values, 0, 15_000);
    tally.add(values, 15_000, 25_000);
    tally.add(values, 25_000);
    const sorted = sortedFinite(Array.from(values));
    const ranks = [0, 1, 777, 12_345, 20_000, 33_333, sorted.length - 1];
    const got = tally.select(ranks);
    for (const r of ranks) expect(show(got.get(r))).toBe(show(sorted[r]));
    // A range: only values[5 .. 9) counted.
    const part = new CountTally();
    part.add(Float32Array.of(9, 9, 9, 9, 9, 0.5, 2, 0.25, 3, 9, 9), 5, 9);
    expect([...part.select([0, 1, 2, 3, 4])]).toEqual([[0, 0.25], [1, 0.5], [2, 2], [3, 3]]);
  });

  it('tells apart values whose bits differ only in their low word (float32 70000 and 70000.0078125; 1 and 1 + 2^-52 as float64)', () => {
    const narrow = new CountTally();
    narrow.add(Float32Array.of(70_000.0078125, 70_000, 70_000.0078125));
    expect([...narrow.select([0, 1, 2])]).toEqual([[0, 70_000], [1, 70_000.0078125], [2, 70_000.0078125]]);
    const wide = new CountTally();
    wide.add(Float64Array.of(1 + 2 ** -52, 1.5, 1 + 2 ** -52, 1.5 + 2 ** -52));
    expect([...wide.select([0, 1, 2, 3])]).toEqual([[0, 1 + 2 ** -52], [1, 1 + 2 ** -52], [2, 1.5], [3, 1.5 + 2 ** -52]]);
    // Thousands sharing their high word, so that probing compares such neighbours with one another.
    const values = Float64Array.from({ length: 3_000 }, (_, k) => 1.5 + ((k * 7) % 3_000) * 2 ** -52);
    const many = new CountTally();
    many.add(values);
    const sorted = sortedFinite(Array.from(values));
    const ranks = [0, 1, 1_499, 2_998, 2_999];
    const got = many.select(ranks);
    expect(ranks.map((r) => got.get(r))).toEqual(ranks.map((r) => sorted[r]));
  });
});

/** A layout of a float64 metric w and float32 counts n and m. */
function layout(): TrialLayout {
  const columns = [
    { key: 'w', kind: 'metric', precision: 'f64' },
    { key: 'n', kind: 'count', precision: 'f32' },
    { key: 'm', kind: 'count', precision: 'f32' },
  ] as unknown as TrialLayout['columns'];
  return { columns, index: new Map(columns.map((c, i) => [c.key, i])), aliases: new Map(), keys: columns.map((c) => c.key) };
}

const chunk = (index: number, w: number[], n: number[], m: number[]): ChunkResult => ({
  chunk: index,
  trials: w.length,
  wide: Float64Array.from(w),
  narrow: Float32Array.from([...n, ...m]),
  componentSums: new Float64Array(1),
});

describe('a store with tallyCounts', () => {
  it('keeps counts as tallies: their moments folded in trial order whatever order the chunks came in, their order statistics exact', () => {
    const n = [0.1, 0.7, 0.3, 0.9, 0.2, 0.6, 0.5, 0.8, 0.4].map(Math.fround);
    const m = [5, 6, 7, 8, 9, 10, 11, 12, 13];
    const w = n.map((_, i) => i);
    const store = new TrialStore(layout(), 9, 3, { tallyCounts: true });
    // Chunks arrive 2, 0, 1: chunk 2's values wait for chunks 0 and 1 before they are folded in, and
    // its buffers are written over meanwhile (a run reuses them for its next chunk).
    for (const c of [2, 0, 1]) {
      const result = chunk(c, w.slice(3 * c, 3 * c + 3), n.slice(3 * c, 3 * c + 3), m.slice(3 * c, 3 * c + 3));
      store.add({ index: c, offset: 3 * c, trials: 3 }, result);
      result.narrow.fill(1e6);
    }
    expect(store.column('n')).toBeUndefined();
    expect(store.column('w')).toBeDefined();
    expect(store.tally('w')).toBeUndefined();
    const expected = new RunningMoments();
    expected.fold(Float32Array.from(n));
    // Welford's running moments depend on the order of folding (these values' mean does): the same
    // numbers as the values in trial order, not as in the order the chunks came.
    const asArrived = new RunningMoments();
    asArrived.fold(Float32Array.from(n.slice(6)));
    asArrived.fold(Float32Array.from(n.slice(0, 6)));
    expect(asArrived.result()).not.toEqual(expected.result());
    expect(store.momentsOf('n')!.result()).toEqual(expected.result());
    const sorted = sortedFinite(n.map(Math.fround));
    expect([...store.tally('n')!.select([0, 4, 8])]).toEqual([[0, sorted[0]], [4, sorted[4]], [8, sorted[8]]]);
    // Not resumed from, not filled from parts.
    expect(() => new TrialStore(layout(), 9, 3).copyChunks(store, [{ index: 0, offset: 0, trials: 3 }])).toThrow(/tallies/);
    expect(() => store.putValues(1, [1], 0)).toThrow(/tally/);
  });

  it.each([
    ['scenarios/example.yaml', 8_000, ['customersWon', 'tier.SMB.leads', 'logoRenewal']],
    // Each tier's logo renewal (customer books read customer by customer).
    ['scenarios/hybrid-company.yaml', 3_000, ['customersLost', 'tier.Enterprise.logoRenewal']],
  ])('gives a run of %s the summary it gives with its counts kept trial by trial (2 workers, chunks in any order)', async (file, trials, keys) => {
    const loaded = await loadScenario(file);
    const options = { trials, seed: 11, workers: 2 };
    const plain = await simulate(loaded, options);
    const tallied = await simulate(loaded, { ...options, tallyCounts: true });
    for (const key of keys) {
      expect(tallied.store.column(key)).toBeUndefined();
      expect(tallied.store.tally(key)).toBeDefined();
    }
    expect(JSON.stringify(summarize(tallied))).toBe(JSON.stringify(summarize(plain)));
  });

  it('is refused as anything but true or false, with resumeFrom, and in a shard', async () => {
    const loaded = await loadScenario('scenarios/example.yaml');
    await expect(simulate(loaded, { trials: 10, workers: 0, tallyCounts: 'yes' as never })).rejects.toThrow(RunOptionError);
    const previous = await simulate(loaded, { trials: 1_000, workers: 0 });
    await expect(simulate(loaded, { trials: 2_000, workers: 0, tallyCounts: true, resumeFrom: previous })).rejects.toThrow(/tallyCounts/);
    const { simulateShard } = await import('../../src/engine/simulate.js');
    await expect(simulateShard(loaded, { trials: 10, workers: 0, shard: { index: 0, count: 1 }, tallyCounts: true } as never)).rejects.toThrow(/tallyCounts/);
  });
});
