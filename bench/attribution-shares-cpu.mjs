#!/usr/bin/env node
// CPU of what moves revenue (sensitivity: the variance shares and the tornado) on a summary's
// attribution trials (the first 50,000 of any run, so a 1,000,000-trial run's figure), att19:
//   npm run build --silent && node bench/attribution-shares-cpu.mjs [dist-dir]     (BENCH_REPS=10)
// Simulates scenarios/example.yaml (50,000 trials, seed 1), ranks its inputs once, then times
// sensitivity() for the company's revenue, BENCH_REPS times, in user+system CPU (not wall time:
// the machine is shared). Pass another build's dist (e.g. the one before att19) to compare.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
const { loadScenario } = await load('scenario/load.js');
const { simulate } = await load('engine/simulate.js');
const { attributionInputs } = await load('analysis/attribution/sim-inputs.js');
const { sensitivity } = await load('analysis/sensitivity.js');
const reps = Number(process.env.BENCH_REPS ?? 10);

const sim = await simulate(await loadScenario(resolve('scenarios/example.yaml')), { trials: 50_000, seed: 1, workers: 0 });
const inputs = attributionInputs(sim);
const y = Float64Array.from(sim.store.column('revenue'));
sensitivity(inputs, y); // warm-up
const t = process.cpuUsage();
for (let r = 0; r < reps; r++) sensitivity(inputs, y);
const used = process.cpuUsage(t);
console.log(`${dist}: sensitivity of revenue on ${inputs.drivers.length} inputs x 50,000 trials: ${((used.user + used.system) / 1000 / reps).toFixed(1)} ms CPU a call (${reps} calls)`);
