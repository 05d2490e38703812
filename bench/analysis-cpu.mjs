#!/usr/bin/env node
// The main thread's analysis CPU at 100,000 trials of scenarios/example.yaml (issue 12): the attribution a
// run prepares while it simulates (prepareAttribution, by phase: the inputs ranked, each sensitivity, the
// bad years) and summarize with it given, as the CLI calls them. CPU time of this process (user + system),
// not wall time: the host is shared. A cold first call of each (what the CLI pays), then the median of 5
// after that warm-up.
//   npm run build --silent && node bench/analysis-cpu.mjs [DIST]        (DIST: another build's dist/, to pair)
//   BENCH_TRIALS=100000 by default; BENCH_SEED='1' by default.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const load = async (p) => import(pathToFileURL(join(dist, p)).href);
const { loadScenario } = await load('scenario/load.js');
const { simulate } = await load('engine/simulate.js');
const { attributionInputs } = await load('analysis/attribution/sim-inputs.js');
const { sensitivity } = await load('analysis/sensitivity.js');
const { badYears } = await load('analysis/bad-years.js');
const { metricColumn } = await load('analysis/columns.js');
const { prepareAttribution } = await load('analysis/attribution/prepared.js');
const { summarize } = await load('analysis/summarize.js');

const trials = Number(process.env.BENCH_TRIALS ?? 100_000);
const sim = await simulate(await loadScenario(join(root, 'scenarios/example.yaml')), { trials, seed: process.env.BENCH_SEED ?? '1', workers: 2 });
const cpu = (f) => {
  const c = process.cpuUsage();
  const out = f();
  const d = process.cpuUsage(c);
  return [(d.user + d.system) / 1000, out];
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => x.toFixed(1).padStart(7);

// Cold: the first call in the process, as the CLI makes them (the attribution, then summarize given it).
const [coldPrepare, prepared] = cpu(() => prepareAttribution(sim));
const [coldSummarize] = cpu(() => summarize(sim, { prepared }));

const phases = { inputs: [], revenue: [], ...Object.fromEntries(sim.plan.tiers.map((t) => [`tier ${t.name}`, []])), badYears: [], prepareAttribution: [], summarize: [] };
for (let rep = 0; rep < 6; rep++) {
  const [tInputs, inputs] = cpu(() => attributionInputs(sim));
  const [tRevenue] = cpu(() => sensitivity(inputs, metricColumn(sim, 'revenue'), 'revenue'));
  const tiers = sim.plan.tiers.length > 1 ? sim.plan.tiers.map((t) => cpu(() => sensitivity(inputs, metricColumn(sim, 'revenue', t.name), 'revenue', t.name))[0]) : [];
  const [tBad] = cpu(() => badYears(sim, inputs));
  const [tPrepare, p] = cpu(() => prepareAttribution(sim));
  const [tSummarize] = cpu(() => summarize(sim, { prepared: p }));
  if (rep === 0) continue; // warm-up
  phases.inputs.push(tInputs);
  phases.revenue.push(tRevenue);
  tiers.forEach((t, i) => phases[`tier ${sim.plan.tiers[i].name}`].push(t));
  phases.badYears.push(tBad);
  phases.prepareAttribution.push(tPrepare);
  phases.summarize.push(tSummarize);
}
console.log(`${dist}: ${trials.toLocaleString('en-US')} trials, CPU ms (load average ${loadavg()[0].toFixed(1)})`);
console.log(`  cold prepareAttribution ${fmt(coldPrepare)}`);
console.log(`  cold summarize (given)  ${fmt(coldSummarize)}`);
for (const [k, v] of Object.entries(phases)) if (v.length) console.log(`  ${k.padEnd(22)} ${fmt(median(v))}  (median of ${v.length})`);
