// node bench/attribution-warm-up-cpu.mjs DIST WARM_TRIALS [TRIALS]: in one process, simulate TRIALS (default 10,000)
// trials of scenarios/example.yaml (seed 1, no workers), run prepareAttribution on the first WARM_TRIALS of them
// (none for 0) as a warm-up, then prepareAttribution and summarize on the whole run; prints the CPU (process.cpuUsage)
// and wall ms of each. DIST is a build's dist folder (dist, or another build's copy). Run it in a fresh process per figure.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = resolve(process.argv[2]);
const warmN = Number(process.argv[3]);
const trials = Number(process.argv[4] ?? 10000);
const load = async (p) => import(pathToFileURL(join(dist, p)).href);
const { loadScenario } = await load('scenario/load.js');
const { simulate } = await load('engine/simulate.js');
const { prepareAttribution } = await load('analysis/attribution/prepared.js');
const { summarize } = await load('analysis/summarize.js');
const sim = await simulate(await loadScenario(resolve('scenarios/example.yaml')), { trials, seed: '1', workers: 0 });
const cpu = (f) => {
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const d = process.cpuUsage(c);
  return [(d.user + d.system) / 1000, performance.now() - t, out];
};
let w = [0, 0];
if (warmN > 0) w = cpu(() => prepareAttribution({ store: sim.store, plan: sim.plan, trials: warmN }));
const [c, wall, prepared] = cpu(() => prepareAttribution(sim));
const [cs, ws] = cpu(() => summarize(sim, { prepared }));
console.log(`warm ${warmN}: warm-up cpu ${w[0].toFixed(0)} wall ${w[1].toFixed(0)}; prepare cpu ${c.toFixed(0)} wall ${wall.toFixed(0)}; summarize cpu ${cs.toFixed(0)} wall ${ws.toFixed(0)}`);
