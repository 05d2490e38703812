import { describe, expect, it } from 'vitest';
import { simulate, simulateShard } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { ROOT } from '../helpers/fixtures.js';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partFileName, writePartFile } from '../../src/engine/part-file.js';

describe('a re-forecast gives the same trials for any worker count and shards', () => {
  it('example.yaml with its five closed months: in-process, 2 workers, and 2 shards agree bit for bit', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const actuals = { file, months: 5 };
    const trials = 2500;
    const inProcess = await simulate(loaded, { trials, seed: 9, workers: 0, actuals });
    const pooled = await simulate(loaded, { trials, seed: 9, workers: 2, actuals });
    const shards = await Promise.all([0, 1].map((index) => simulateShard(loaded, { trials, seed: 9, workers: 0, actuals, shard: { index, count: 2 } })));
    for (const key of ['revenue', 'endingArr', 'driver.SMB.conversion', 'driver.market']) {
      const a = inProcess.store.column(key)!;
      expect(Array.from(pooled.store.column(key)!), key).toEqual(Array.from(a));
      // Shards hold whole chunks: put each chunk's trials back at its offset in the run.
      const byOffset = new Float64Array(trials);
      for (const p of shards) {
        const col = p.store.column(key)!;
        let i = 0;
        for (const c of p.chunks) for (let t = 0; t < c.trials; t++) byOffset[c.offset + t] = col[i++]!;
      }
      expect(Array.from(byOffset), key).toEqual(Array.from(a));
    }
    // Learning happened: the market factor's posterior is not its N(0, 1) prior.
    const z = inProcess.store.column('driver.market')!;
    let sd = 0;
    let mean = 0;
    for (const x of z) mean += x / z.length;
    for (const x of z) sd += (x - mean) ** 2 / (z.length - 1);
    expect(Math.sqrt(sd)).toBeLessThan(0.5);
  }, 120_000);
});

describe('a resumed run reuses only trials of the same actuals', () => {
  it('refuses to resume a re-forecast from a plan run, a plan run from a re-forecast, or one set of closed months from another; the same actuals resume to the fresh run', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const plan = await simulate(loaded, { trials: 1000, seed: 7, workers: 0 });
    const two = await simulate(loaded, { trials: 1000, seed: 7, workers: 0, actuals: { file, months: 2 } });
    // Before the fix each of these silently kept the first 1,000 trials of the other run.
    await expect(simulate(loaded, { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 2 }, resumeFrom: plan })).rejects.toThrow(/same actuals/);
    await expect(simulate(loaded, { trials: 2000, seed: 7, workers: 0, resumeFrom: two })).rejects.toThrow(/same actuals/);
    await expect(simulate(loaded, { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 3 }, resumeFrom: two })).rejects.toThrow(/same actuals/);
    const fresh = await simulate(loaded, { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 2 } });
    const resumed = await simulate(loaded, { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 2 }, resumeFrom: two });
    for (const key of ['revenue', 'endingArr', 'driver.SMB.conversion', 'driver.market']) expect(Array.from(resumed.store.column(key)!), key).toEqual(Array.from(fresh.store.column(key)!));
  });
});

describe("a re-forecast's shard is not written as a part file", () => {
  it('writePartFile refuses it and leaves nothing, so it cannot merge as a plan (beside a plan shard or alone)', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-reforecast-part-'));
    const reforecastPart = await simulateShard(loaded, { trials: 2000, seed: 7, workers: 0, actuals: { file, months: 2 }, shard: { index: 0, count: 2 } });
    const planPart = await simulateShard(loaded, { trials: 2000, seed: 7, workers: 0, shard: { index: 1, count: 2 } });
    // Before the fix both were written, and mergeParts merged them into one "plan" without a word.
    await expect(writePartFile(join(dir, 'sub', partFileName({ index: 0, count: 2 })), reforecastPart)).rejects.toThrow(/re-forecast/);
    expect(readdirSync(dir)).toEqual([]);
    await writePartFile(join(dir, partFileName({ index: 1, count: 2 })), planPart);
    expect(readdirSync(dir)).toEqual([partFileName({ index: 1, count: 2 })]);
  });
});
