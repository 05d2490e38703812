#!/usr/bin/env node
// The studio's case with data files: hybrid-company.yaml (customer book, pipeline) loaded again and one book driver
// moved, 10,000 trials on a warm 2-worker engine with its tier-part cache, 5 times. Usage: node bench/tier-reuse-files.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { createEngine } = await import(`${dist}/engine/engine.js`);
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { hashScenario } = await import(`${dist}/scenario/parse.js`);
const path = new URL('../scenarios/hybrid-company.yaml', import.meta.url).pathname;
const engine = createEngine({ workers: 2, tierCacheBytes: 256 << 20 });
const opts = { trials: 10_000, seed: 7 };
await engine.simulate(await loadScenario(path), opts);
const times = [];
for (let i = 0; i < 5; i++) {
  const l = await loadScenario(path);
  const scenario = structuredClone(l.scenario);
  scenario.tiers[0].existing.renewalRate = { dist: 'beta', mean: 0.80 + i * 0.01, sd: 0.03 };
  const moved = { ...l, scenario, hash: hashScenario(scenario) };
  const t = performance.now();
  await engine.simulate(moved, opts);
  times.push(performance.now() - t);
}
await engine.close();
times.sort((a, b) => a - b);
console.log(process.argv[2] ?? 'dist', 'reload + one book driver moved, 10,000 trials of hybrid-company, 2 warm workers: median', times[2].toFixed(0), 'ms', times.map((x) => x.toFixed(0)).join(' '));
