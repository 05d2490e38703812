#!/usr/bin/env node
// Would smaller first chunks shorten a fresh thread's cold phase? In one fresh process (one thread, as a
// worker is), the plan's aggregate tables built first (as the main thread builds them, not counted), then a
// first chunk of FIRST trials and two chunks of 1,000, each with its CPU (process.cpuUsage: this thread and
// V8's compiler threads). Also prints whether the first FIRST trials of a 1,000-trial chunk 0 are those of a
// FIRST-trial chunk 0 (a chunk's streams are keyed by its index and read trial by trial: a prefix is the
// same trials, the rest of the chunk needs the prefix's draws first). CPU, not wall time: the host is shared.
// Usage, after `npm run build`: node bench/first-chunk-size-cpu.mjs FIRST [--dist DIR]
const args = process.argv.slice(2);
const first = Number(args[0] ?? 1000);
const i = args.indexOf('--dist');
const dist = new URL(`../${i >= 0 ? args[i + 1] : 'dist'}/`, import.meta.url);
const { loadScenario } = await import(new URL('scenario/load.js', dist));
const { planLoaded } = await import(new URL('engine/simulate.js', dist));
const { planSumTables } = await import(new URL('model/plan-sum-tables.js', dist));
const { simulateChunk } = await import(new URL('model/simulate-chunk.js', dist));
const plan = planLoaded(await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname));
planSumTables(plan);
const out = [];
let firstChunk;
for (const trials of [first, 1000, 1000]) {
  const t = process.cpuUsage();
  const r = simulateChunk(plan, '7', out.length, trials);
  const u = process.cpuUsage(t);
  firstChunk ??= Float64Array.from(r.wide.subarray(0, trials));
  out.push(`${trials}: ${((u.user + u.system) / 1000).toFixed(0)}`);
}
const whole = simulateChunk(plan, '7', 0, 1000).wide;
let same = 0;
for (let k = 0; k < first; k++) if (whole[k] === firstChunk[k]) same++;
console.log(`first chunk of ${first}, then two of 1,000 (ms CPU): ${out.join(', ')}; its first column equal to a 1,000-trial chunk 0's in ${same} of ${first} trials`);
