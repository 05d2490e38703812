#!/usr/bin/env node
// 2 workers over 1 on warm engines (the pool started, its JIT and tables warmed by a first run of 10,000
// trials): 100,000 trials of the example, best of 2 each. Usage, after `npm run build`: node bench/scale.mjs
const { createEngine } = await import(new URL('../dist/engine/engine.js', import.meta.url).href);
const { loadScenario } = await import(new URL('../dist/scenario/load.js', import.meta.url).href);
const loaded = await loadScenario('scenarios/example.yaml');
const res = {};
for (const w of [1, 2]) {
  const engine = createEngine({ workers: w });
  await engine.simulate(loaded, { trials: 10000, seed: 1 });
  const walls = [];
  for (let r = 0; r < 2; r++) { const t = performance.now(); await engine.simulate(loaded, { trials: 100000, seed: 7 + r }); walls.push(performance.now() - t); }
  await engine.close();
  res[w] = Math.min(...walls);
  console.log(`warm engine, ${w} worker(s), 100,000 trials: ${(res[w] / 1000).toFixed(2)} s (best of 2)`);
}
console.log(`2 workers over 1: ${(res[1] / res[2]).toFixed(2)}x`);
