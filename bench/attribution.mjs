#!/usr/bin/env node
// Cost of the attribution analysis (issue 11) at 100,000 trials of scenarios/example.yaml:
//   npm run build --silent && node bench/attribution.mjs        (BENCH_TRIALS=100000 by default)
// Times, after one warm-up, the median of 5 repetitions of each step summarize() runs: ranking every
// input once, the company's and each tier's variance shares and tornado, one target's what must be
// true, and the bad years.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../dist/scenario/load.js';
import { simulate } from '../dist/engine/simulate.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';
import { whatMustBeTrue } from '../dist/analysis/what-must-be-true.js';
import { badYears } from '../dist/analysis/bad-years.js';
import { metricColumn } from '../dist/analysis/columns.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const trials = Number(process.env.BENCH_TRIALS ?? 100_000);
const sim = await simulate(await loadScenario(join(root, 'scenarios/example.yaml')), { trials, seed: 7, workers: 2 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time of this process (user + system), not wall time: the bench machine is shared, and wall time
// there counts other processes' turns. Single-threaded code, so CPU time is what it would take alone.
const wall = [];
const time = (f) => {
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const d = process.cpuUsage(c);
  wall.push(performance.now() - t);
  return [(d.user + d.system) / 1000, out];
};
const steps = { inputs: [], sensitivity: [], byTier: [], whatMustBeTrue: [], badYears: [], total: [] };
for (let rep = 0; rep < 6; rep++) {
  const [tInputs, inputs] = time(() => attributionInputs(sim));
  const revenue = sim.store.column('revenue');
  const [tSens, sens] = time(() => sensitivity(inputs, revenue));
  const [tTier] = time(() => sim.plan.tiers.map((t) => sensitivity(inputs, metricColumn(sim, 'revenue', t.name), 'revenue', t.name)));
  const target = { metric: 'revenue', value: 120e6 };
  const [tWmbt] = time(() => whatMustBeTrue(inputs, revenue, sens, target, 'revenue >= 120M'));
  const [tBad] = time(() => badYears(sim, inputs));
  if (rep === 0) continue; // warm-up
  steps.inputs.push(tInputs);
  steps.sensitivity.push(tSens);
  steps.byTier.push(tTier);
  steps.whatMustBeTrue.push(tWmbt);
  steps.badYears.push(tBad);
  steps.total.push(tInputs + tSens + tTier + tWmbt + tBad);
}
const inputs = attributionInputs(sim);
console.log(`attribution at ${trials.toLocaleString('en-US')} trials, ${inputs.drivers.length} drivers (${inputs.drivers.filter((d) => d.input).length} with an own draw), ${sim.plan.tiers.length} tiers; median of 5, CPU ms:`);
for (const [k, v] of Object.entries(steps)) console.log(`  ${k.padEnd(15)} ${median(v).toFixed(0)}`);
// Wall time of a whole repetition (5 steps each), for reference on a loaded machine.
const reps = Array.from({ length: 5 }, (_, r) => wall.slice(5 * (r + 1), 5 * (r + 2)).reduce((a, b) => a + b, 0));
console.log(`  wall total      ${median(reps).toFixed(0)} (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
