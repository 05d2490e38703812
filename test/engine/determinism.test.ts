import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { RunAbortedError, RunOptionError } from '../../src/engine/errors.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers/fixtures.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

const exampleText = readFileSync(`${ROOT}scenarios/example.yaml`, 'utf8');
const example = parseScenario(exampleText, 'example.yaml');
// 5,500 trials: five full chunks and a partial one.
const TRIALS = 5_500;

/**
 * One warm engine of 4 threads for the pooled runs that compare numbers: a run on it with
 * `workers: n` uses n of its threads, and takes the same path as simulate() (simulateOn, on a
 * leased pool instead of its own). Each thread a pool starts costs CPU (from TypeScript, loading the
 * bundled worker and compiling it): a pool per run started 13 threads in this file, now 8. simulate() on a pool of its own
 * is still run below: at 2 workers, compared to the rest, and in the cancellation test.
 */
let warm: Engine | undefined;
const engine = (): Engine => (warm ??= createEngine({ workers: 4 }));
afterAll(async () => {
  await warm?.close();
});

describe('determinism', () => {
  it('the same seed gives a byte-identical summary in-process and with 1, 2 and 4 workers', async () => {
    const outputs: string[] = [];
    for (const workers of [0, 1, 2, 4]) {
      const sim = workers === 0 ? await simulate(example, { trials: TRIALS, seed: 7, workers }) : await engine().simulate(example, { trials: TRIALS, seed: 7, workers });
      outputs.push(JSON.stringify(summarize(sim)));
    }
    // And simulate() with a pool of its own.
    outputs.push(JSON.stringify(summarize(await simulate(example, { trials: TRIALS, seed: 7, workers: 2 }))));
    expect(outputs).toHaveLength(5);
    expect(new Set(outputs).size).toBe(1);
    expect(JSON.parse(outputs[0]!).trials).toBe(TRIALS);
  });

  it('per-trial values are identical across worker counts, not just the summary', async () => {
    const a = await simulate(example, { trials: 2_500, seed: 'abc', workers: 0 });
    const b = await engine().simulate(example, { trials: 2_500, seed: 'abc', workers: 2 });
    a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength))).toBe(true));
  });

  it('a scenario with customer and pipeline files, reps, grades and terms: identical per-trial values in-process and with 2 workers', async () => {
    // The files' typed arrays travel to the workers on SharedArrayBuffers; the numbers must not care.
    const hybrid = await loadScenario(`${ROOT}scenarios/hybrid-company.yaml`);
    expect(Object.keys(hybrid.files?.books ?? {})).toEqual(['Mid-market', 'Enterprise']);
    const a = await simulate(hybrid, { trials: 2_500, seed: 3, workers: 0 });
    const b = await engine().simulate(hybrid, { trials: 2_500, seed: 3, workers: 2 });
    expect(a.store.columns.length).toBe(b.store.columns.length);
    a.store.columns.forEach((col, i) => expect(Buffer.from(col.buffer, col.byteOffset, col.byteLength).equals(Buffer.from(b.store.columns[i]!.buffer, b.store.columns[i]!.byteOffset, b.store.columns[i]!.byteLength))).toBe(true));
  });

  it('different seeds give different results', async () => {
    const a = await simulate(example, { trials: 1_000, seed: 1, workers: 0 });
    const b = await simulate(example, { trials: 1_000, seed: 2, workers: 0 });
    expect(summarize(a).metrics.revenue.mean).not.toBe(summarize(b).metrics.revenue.mean);
  });

  it('the first trials of a longer run are the trials of a shorter run (chunks do not depend on the total)', async () => {
    const short = await simulate(example, { trials: 1_500, seed: 9, workers: 0 });
    const long = await simulate(example, { trials: 3_000, seed: 9, workers: 0 });
    expect(Array.from(long.store.column('revenue')!.subarray(0, 1_500))).toEqual(Array.from(short.store.column('revenue')!));
  });
});

describe('common random numbers: each driver has its own stream', () => {
  const variant = (from: string, to: string) => {
    if (!exampleText.includes(from)) throw new Error(`example has no ${from}`);
    return parseScenario(exampleText.replace(from, to), 'variant.yaml');
  };
  const columnsOf = async (loaded: ReturnType<typeof parseScenario>) => simulate(loaded, { trials: 2_000, seed: 5, workers: 0 });
  // The unchanged example's run is the same simulation for both tests (same scenario, seed and
  // trials): run once, on first use. Neither test changes it (they only read its columns).
  let baseRun: ReturnType<typeof columnsOf> | undefined;
  const exampleRun = () => (baseRun ??= columnsOf(example));
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => Object.is(v, b[i]));

  it('changing Enterprise ACV changes Enterprise only: the other tiers match trial by trial', async () => {
    const base = await exampleRun();
    const changed = await columnsOf(variant('acv: { dist: lognormal, median: 150000, p90: 400000 }', 'acv: { dist: lognormal, median: 120000, p90: 300000 }'));
    for (const tier of ['SMB', 'Mid-market'])
      for (const m of ['revenue', 'bookings', 'endingArr']) expect(same(base.store.column(`tier.${tier}.${m}`)!, changed.store.column(`tier.${tier}.${m}`)!)).toBe(true);
    expect(same(base.store.column('tier.Enterprise.revenue')!, changed.store.column('tier.Enterprise.revenue')!)).toBe(false);
    // Within Enterprise, drivers ACV does not touch are unchanged too.
    for (const key of ['tier.Enterprise.leads', 'tier.Enterprise.customersWon', 'tier.Enterprise.grr', 'driver.Enterprise.conversion'])
      expect(same(base.store.column(key)!, changed.store.column(key)!)).toBe(true);
  });

  it('changing SMB renewal leaves SMB new business untouched', async () => {
    const base = await exampleRun();
    const changed = await columnsOf(variant('renewalRate: { dist: beta, mean: 0.86, sd: 0.03 }', 'renewalRate: { dist: beta, mean: 0.80, sd: 0.05 }'));
    for (const key of ['tier.SMB.leads', 'tier.SMB.customersWon', 'component.revenue.newBusiness', 'driver.SMB.conversion'])
      expect(same(base.store.column(key)!, changed.store.column(key)!)).toBe(true);
    expect(same(base.store.column('tier.SMB.grr')!, changed.store.column('tier.SMB.grr')!)).toBe(false);
  });
});

describe('run options are checked up front', () => {
  it.each([
    [{ workers: -1 }, '--workers: must be a whole number from 0 (in-process) to 256 (got -1)'],
    [{ workers: 1.5 }, '--workers: must be a whole number from 0 (in-process) to 256 (got 1.5)'],
    [{ trials: 0 }, '--trials: must be a whole number from 1 to 10,000,000 (got 0)'],
    [{ trials: 2e7 }, '--trials: must be a whole number from 1 to 10,000,000 (got 20000000)'],
    [{ seed: '' }, '--seed: must be 1 to 200 characters'],
  ])('%j', async (options, message) => {
    await expect(simulate(example, options)).rejects.toBeInstanceOf(RunOptionError);
    await expect(simulate(example, options)).rejects.toThrow(message);
  });

  it('an AbortSignal cancels a pooled run', async () => {
    const controller = new AbortController();
    const run = simulate(example, {
      trials: 50_000,
      workers: 2,
      seed: 1,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 1_000) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunAbortedError);
  });

  it('an AbortSignal cancels an in-process run', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(simulate(example, { trials: 5_000, workers: 0, signal: controller.signal })).rejects.toBeInstanceOf(RunAbortedError);
  });
});
