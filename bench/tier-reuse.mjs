#!/usr/bin/env node
// A what-if's cost on a warm engine: 10,000 trials of a scenario after one tier's driver moved, with
// the engine reading the unchanged tiers back (tierCacheBytes, as the studio does) and without.
// CPU is of the whole process (main thread and workers). Usage, after `npm run build`:
//   node bench/tier-reuse.mjs [SCENARIO] [--trials N] [--moves K]
import { loadavg } from 'node:os';
import { createEngine } from '../dist/engine/engine.js';
import { loadScenario } from '../dist/scenario/load.js';
import { hashScenario } from '../dist/scenario/parse.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const file = args[0] && !args[0].startsWith('--') ? args[0] : 'scenarios/example.yaml';
const trials = opt('--trials', 10_000);
const moves = opt('--moves', 8);
const loaded = await loadScenario(file);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The scenario with the first tier's first distribution-valued new-business driver scaled (a new state each move). */
const moved = (k) => {
  const scenario = structuredClone(loaded.scenario);
  const nb = scenario.tiers[0].newBusiness;
  nb.conversion = { dist: 'beta', mean: 0.02 + 0.0005 * k, sd: 0.004 };
  return { ...loaded, scenario, hash: hashScenario(scenario) };
};

for (const cache of [0, 256 * 2 ** 20]) {
  const engine = createEngine({ workers: 2, tierCacheBytes: cache });
  try {
    // Warm-up: the pool, the JIT, the tables, and (with the cache) the unchanged tiers' rows.
    for (let k = 0; k < 3; k++) await engine.simulate(k === 0 ? loaded : moved(100 + k), { trials });
    const cpu = [];
    const wall = [];
    for (let k = 0; k < moves; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await engine.simulate(moved(k), { trials });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    console.log(`${file}, ${trials.toLocaleString('en-US')} trials, first tier's conversion moved, tier cache ${cache ? `${cache / 2 ** 20} MB` : 'off'}: CPU median ${median(cpu).toFixed(0)} ms, wall median ${median(wall).toFixed(0)} ms (load ${loadavg()[0].toFixed(1)})`);
  } finally {
    await engine.close();
  }
}
