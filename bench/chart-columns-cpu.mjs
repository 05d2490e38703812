#!/usr/bin/env node
// The main thread's CPU for the report's chart specs (buildCharts: the distribution's and exceedance's
// reading of the revenue and ending-ARR columns, and the other specs) of scenarios/example.yaml, in
// process: a cold first call (what the CLI pays), then the median of 7 warm calls. CPU time of this
// process (user + system), not wall time: the host is shared. spm25 (issue 12). In process nothing releases the
// store's buffers between summarize and buildCharts, as writeReport now builds the charts before its release: a
// CLI run with the release first read 65-78 ms here for 25-28 without (V8's detach protector; bench/RESULTS.md).
//   npm run build --silent && node bench/chart-columns-cpu.mjs [DIST]     (DIST: another build's dist/, to pair)
//   BENCH_TRIALS=100000 by default; BENCH_SEED='1'.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const load = async (p) => import(pathToFileURL(join(dist, p)).href);
const { loadScenario } = await load('scenario/load.js');
const { simulate } = await load('engine/simulate.js');
const { summarize } = await load('analysis/summarize.js');
const { buildCharts } = await load('report/charts/chart-set.js');

const trials = Number(process.env.BENCH_TRIALS ?? 100_000);
const sim = await simulate(await loadScenario(join(root, 'scenarios/example.yaml')), { trials, seed: process.env.BENCH_SEED ?? '1', workers: 2 });
const summary = summarize(sim);
const cpu = (f) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const cold = cpu(() => buildCharts(summary, sim.store));
const warm = Array.from({ length: 8 }, () => cpu(() => buildCharts(summary, sim.store))).slice(1).sort((a, b) => a - b);
console.log(`${dist}: ${trials.toLocaleString('en-US')} trials, buildCharts CPU ms: cold ${cold.toFixed(1)}, warm median ${warm[3].toFixed(1)} (load average ${loadavg()[0].toFixed(1)})`);
