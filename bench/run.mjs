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
import { simulate } from '../dist/engine/simulate.js';
import { createEngine } from '../dist/engine/engine.js';
import { summarize } from '../dist/analysis/summarize.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'scenarios/example.yaml');
const endToEndTrials = Number(process.env.BENCH_TRIALS ?? 100_000);
const memoryTrials = Number(process.env.BENCH_MEMORY_TRIALS ?? 1_000_000);
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores, Node ${process.version}`);

// 1. seedrandom's raw rate for the generator arrcast uses (Alea).
{
  const g = seedrandom.alea('bench');
  let s = 0;
  for (let i = 0; i < 2e6; i++) s += g();
  const n = 3e7;
  const t = performance.now();
  for (let i = 0; i < n; i++) s += g();
  const secs = (performance.now() - t) / 1000;
  console.log(`seedrandom alea raw rate: ${fmt(n / secs / 1e6, 1)} M uniforms/s (${fmt((secs / n) * 1e9, 1)} ns each)${s < 0 ? '' : ''}`);
  globalThis.rawRate = n / secs;
}

// 2. Uniform draws per trial: count every call of every Alea stream, in-process.
{
  const original = seedrandom.alea;
  let calls = 0;
  seedrandom.alea = (...args) => {
    const prng = original(...args);
    const counted = () => {
      calls++;
      return prng();
    };
    counted.state = prng.state;
    return counted;
  };
  const loaded = await loadScenario(example);
  const trials = 2_000;
  await simulate(loaded, { trials, seed: 7, workers: 0 });
  seedrandom.alea = original;
  globalThis.drawsPerTrial = calls / trials;
  console.log(`uniform draws per trial (example.yaml): ${fmt(calls / trials)}`);
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
console.log(`2 workers / 1 worker throughput: ${fmt(rates[2] / rates[1], 2)}x`);
console.log(
  `draws per second, 2 workers: ${fmt((rates[2] * globalThis.drawsPerTrial) / 1e6, 1)} M/s = ${fmt((100 * rates[2] * globalThis.drawsPerTrial) / globalThis.rawRate, 0)}% of one core's raw Alea rate`,
);

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
