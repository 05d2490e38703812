// A fresh process's first chunks, as a worker's: the plan's aggregate tables built (as the main thread
// builds them), then chunks 0 to N - 1 simulated in process, cold, each with its CPU (of the whole process:
// V8's compiler threads included) and wall time in ms. Node flags given before the script apply (e.g.
// `node --always-sparkplug bench/cold-chunks.mjs`): run each variant in fresh processes, alternating.
// Usage: node bench/cold-chunks.mjs [DIST=dist] [SCENARIO=scenarios/example.yaml] [N=4]
const [dist = 'dist', file = 'scenarios/example.yaml', n = '4'] = process.argv.slice(2);
const from = (path) => import(new URL(`../${dist}/${path}`, import.meta.url).href);
const { loadScenario } = await from('scenario/load.js');
const { planLoaded } = await from('engine/simulate.js');
const { planSumTables } = await from('model/plan-sum-tables.js');
const { simulateChunk, allocateChunkBuffers } = await from('model/simulate-chunk.js');
const plan = planLoaded(await loadScenario(file));
const timed = (label, work) => {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return `${label} ${((used.user + used.system) / 1000).toFixed(0)}/${(performance.now() - wall).toFixed(0)}`;
};
const out = [timed('tables', () => planSumTables(plan))];
const buffers = allocateChunkBuffers(plan);
for (let c = 0; c < Number(n); c++) out.push(timed(`chunk${c}`, () => simulateChunk(plan, '7', c, 1000, buffers)));
console.log(`CPU/wall ms: ${out.join('  ')}`);
