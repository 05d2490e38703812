#!/usr/bin/env node
// Does a throw-away warm-up (engine/warm-up.ts) make a fresh thread's first chunks cheaper by more than it
// costs? In one fresh process (one thread, as a worker is), CPU (process.cpuUsage: this thread and V8's
// compiler threads) of: the warm-up of WARM trials of the example's plan on the warm-up seed, in pieces of
// 10, its aggregate tables built lazily as a worker's are; then chunks 0 to 5 of the run (seed 7), with the
// tables the main thread would have sent. WARM 0 is today's worker. CPU, not wall time: the host is shared.
// Usage, after `npm run build`: node bench/warm-up-cpu.mjs WARM [--dist DIR]
const args = process.argv.slice(2);
const warm = Number(args[0] ?? 0);
const i = args.indexOf('--dist');
const dist = new URL(`../${i >= 0 ? args[i + 1] : 'dist'}/`, import.meta.url);
const { loadScenario } = await import(new URL('scenario/load.js', dist));
const { planScenario } = await import(new URL('model/scenario-plan.js', dist));
const { simulateChunk, allocateChunkBuffers } = await import(new URL('model/simulate-chunk.js', dist));
const { planSumTables } = await import(new URL('model/plan-sum-tables.js', dist));
const loaded = await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname);
const ms = (u) => ((u.user + u.system) / 1000).toFixed(0);
const out = [];
let t = process.cpuUsage();
if (warm > 0) {
  const wplan = planScenario(loaded.scenario, loaded.files);
  const buffers = allocateChunkBuffers(wplan);
  for (let done = 0, piece = 0; done < warm; done += 10, piece++) simulateChunk(wplan, 'arrcast warm-up (results discarded)', piece, Math.min(10, warm - done), buffers);
  out.push(`warm-up ${ms(process.cpuUsage(t))}`);
}
const plan = planScenario(loaded.scenario, loaded.files);
planSumTables(plan); // the main thread's tables (a worker adopts them): not counted
const buffers = allocateChunkBuffers(plan);
for (let c = 0; c < 6; c++) {
  t = process.cpuUsage();
  simulateChunk(plan, '7', c, 1000, buffers);
  out.push(`chunk ${c} ${ms(process.cpuUsage(t))}`);
}
console.log(`WARM ${warm}: ${out.join(', ')} (ms CPU)`);
