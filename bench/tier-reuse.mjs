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

// In process, per trial: chunks of the scenario with every tier part simulated, against the first tier's
// new business simulated and every other part read back (what the engine does after that move).
{
  const { planScenario } = await import('../dist/model/scenario-plan.js');
  const { allocateChunkBuffers, simulateChunk } = await import('../dist/model/simulate-chunk.js');
  const { TierOutcome } = await import('../dist/model/tier-outcome.js');
  const plan = planScenario(loaded.scenario, loaded.files ?? {});
  const buffers = allocateChunkBuffers(plan);
  const chunks = 20;
  const saved = [];
  for (let c = 0; c < chunks; c++) {
    const rows = plan.tiers.flatMap((t) => {
      const r = new Float64Array(1000 * TierOutcome.rowWidth(t));
      return [r, r];
    });
    simulateChunk(plan, '7', c, 1000, buffers, undefined, { rows, replay: new Uint8Array(rows.length) });
    saved.push(rows);
  }
  const replay = Uint8Array.from(saved[0], (_, i) => (i === 0 ? 0 : 1));
  const perTrial = (run) => {
    const start = process.cpuUsage();
    for (let c = 0; c < chunks; c++) run(c);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / (chunks * 1000);
  };
  const all = perTrial((c) => simulateChunk(plan, '7', c, 1000, buffers));
  const one = perTrial((c) => simulateChunk(plan, '7', c, 1000, buffers, undefined, { rows: saved[c].map((r, i) => (i === 0 ? undefined : r)), replay }));
  console.log(`in process: every tier part simulated ${all.toFixed(1)} us a trial; the first tier's new business simulated and the rest read back ${one.toFixed(1)} us a trial (load ${loadavg()[0].toFixed(1)})`);
}
