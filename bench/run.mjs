#!/usr/bin/env node
// arrcast benchmarks: `npm run bench` (builds first). Prints the figures recorded in bench/RESULTS.md.
// Speed goals live here, never in timed unit tests. Options (environment):
//   BENCH_TRIALS=100000         trials of the end-to-end run
//   BENCH_THROUGHPUT_TRIALS=100000 trials of the 1- and 2-worker throughput runs
//   BENCH_MEMORY_TRIALS=1000000 trials of the peak-memory run (0 skips it)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { loadScenario } from '../dist/scenario/load.js';
import { planLoaded, simulate } from '../dist/engine/simulate.js';
import { allocateChunkBuffers, simulateChunk } from '../dist/model/simulate-chunk.js';
import { createStream } from '../dist/random/source.js';
import { createEngine } from '../dist/engine/engine.js';
import { summarize } from '../dist/analysis/summarize.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'scenarios/example.yaml');
const endToEndTrials = Number(process.env.BENCH_TRIALS ?? 100_000);
const memoryTrials = Number(process.env.BENCH_MEMORY_TRIALS ?? 1_000_000);
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores, Node ${process.version}`);

// 1. The raw rate of arrcast's generator (sfc32 in blocks, random/source.ts) and of seedrandom's Alea (which
// arrcast used until December 2026 and now uses only to key the streams).
{
  const rate = (next) => {
    let s = 0;
    for (let i = 0; i < 2e6; i++) s += next();
    const n = 3e7;
    const t = performance.now();
    for (let i = 0; i < n; i++) s += next();
    const secs = (performance.now() - t) / 1000;
    return { perSecond: n / secs, ns: (secs / n) * 1e9, s };
  };
  const stream = createStream('bench');
  const sfc = rate(() => stream.next());
  const alea = rate(seedrandom.alea('bench'));
  console.log(`raw uniforms: sfc32 stream ${fmt(sfc.perSecond / 1e6, 1)} M/s (${fmt(sfc.ns, 1)} ns each); seedrandom alea ${fmt(alea.perSecond / 1e6, 1)} M/s (${fmt(alea.ns, 1)} ns each)`);
}

// 2. Worker CPU per trial, in process: simulateChunk of example.yaml, chunks 100..139 after 5 warm-up chunks (the
// aggregate tables of compound sums are built in the warm-up; their one-time cost is printed apart).
{
  const plan = planLoaded(await loadScenario(example));
  const buffers = allocateChunkBuffers(plan);
  const first = process.cpuUsage();
  for (let c = 0; c < 5; c++) simulateChunk(plan, '7', c, 1000, buffers);
  const warm = process.cpuUsage(first);
  const t = process.cpuUsage();
  for (let c = 100; c < 140; c++) simulateChunk(plan, '7', c, 1000, buffers);
  const d = process.cpuUsage(t);
  console.log(
    `worker CPU per trial (example.yaml, in process, after warm-up): ${fmt((d.user + d.system) / 40_000, 1)} us; the 5 warm-up chunks (JIT, tables): ${fmt((warm.user + warm.system) / 1000)} ms`,
  );
}

// 3. Throughput with 1 and 2 workers (simulation only, pool start-up included, best of 2).
const loaded = await loadScenario(example);
const rates = {};
for (const workers of [1, 2]) {
  const trials = Number(process.env.BENCH_THROUGHPUT_TRIALS ?? 100_000);
  const times = [];
  for (let r = 0; r < 2; r++) {
    const t = performance.now();
    await simulate(loaded, { trials, seed: 7, workers });
    times.push((performance.now() - t) / 1000);
  }
  rates[workers] = trials / Math.min(...times);
  console.log(`simulate, ${workers} worker${workers > 1 ? 's' : ''}: ${fmt(rates[workers])} trials/s (${fmt(trials)} trials, best of 2)`);
}
console.log(`2 workers / 1 worker throughput: ${fmt(rates[2] / rates[1], 2)}x (pools started by the run: their start-up counts)`);

// 3a. The same on warm engines (threads loaded, JIT and aggregate tables warm from a first run).
{
  const warm = {};
  for (const workers of [1, 2]) {
    const engine = createEngine({ workers });
    try {
      await engine.simulate(loaded, { trials: 10_000, seed: 1 });
      const times = [];
      for (let r = 0; r < 2; r++) {
        const t = performance.now();
        await engine.simulate(loaded, { trials: 100_000, seed: 7 + r });
        times.push((performance.now() - t) / 1000);
      }
      warm[workers] = Math.min(...times);
    } finally {
      await engine.close();
    }
  }
  console.log(`warm engines, 100,000 trials: 1 worker ${fmt(warm[1], 2)} s, 2 workers ${fmt(warm[2], 2)} s: ${fmt(warm[1] / warm[2], 2)}x`);
}

// 3b. The what-if case with the engine's tier cache: node bench/tier-reuse.mjs (not repeated here).

// 3b. The what-if case: 10,000 trials on an engine whose pool is already warm (2 workers), median of
// 5 after 2 warm-up runs; and summarize() of 100,000 trials in the main thread (CPU time, median of 3).
{
  const engine = createEngine({ workers: 2 });
  try {
    const times = [];
    for (let r = 0; r < 7; r++) {
      const t = performance.now();
      await engine.simulate(loaded, { trials: 10_000, seed: 7 + r });
      if (r >= 2) times.push(performance.now() - t);
    }
    console.log(`warm engine, 10,000 trials, 2 workers: ${fmt(median(times), 0)} ms median of 5 [${times.map((x) => fmt(x, 0)).join(', ')}]`);
    const sim = await engine.simulate(loaded, { trials: 100_000, seed: 7 });
    const cpu = [];
    for (let r = 0; r < 3; r++) {
      const u = process.cpuUsage();
      summarize(sim);
      const d = process.cpuUsage(u);
      cpu.push((d.user + d.system) / 1000);
    }
    console.log(`summarize, 100,000 trials (main thread CPU): ${fmt(median(cpu), 0)} ms median of 3 [${cpu.map((x) => fmt(x, 0)).join(', ')}]`);
  } finally {
    await engine.close();
  }
}

// 4. End to end: process start to every default output written (median of 3).
{
  const times = [];
  for (let r = 0; r < 3; r++) {
    const out = mkdtempSync(join(tmpdir(), 'arrcast-bench-'));
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'run', example, '--trials', String(endToEndTrials), '--workers', '2', '--quiet', '--out', join(out, 'r')], { encoding: 'utf8' });
    times.push((performance.now() - t) / 1000);
    rmSync(out, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(run.stderr);
  }
  console.log(`end to end, ${fmt(endToEndTrials)} trials, 2 workers (arrcast run ... --quiet): ${fmt(median(times), 2)} s median of 3 [${times.map((x) => fmt(x, 2)).join(', ')}]`);
}

// 5. Peak memory of a whole run (simulate, summarize, write outputs) in a fresh process.
if (memoryTrials > 0) {
  const out = mkdtempSync(join(tmpdir(), 'arrcast-bench-'));
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bench/memory-child.mjs'), example, String(memoryTrials), join(out, 'r')], { encoding: 'utf8' });
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stderr);
  console.log(`peak memory (max RSS), ${fmt(memoryTrials)} trials, 2 workers, whole run: ${run.stdout.trim()} (${fmt((performance.now() - t) / 1000, 1)} s)`);
}

// 6. A 20,000-customer book read row by row, 10,000 trials, end to end (bench/customer-book.mjs).
{
  const run = spawnSync(process.execPath, [join(root, 'bench/customer-book.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error('bench/customer-book.mjs failed');
  process.stdout.write(run.stdout);
}
