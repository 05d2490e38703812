#!/usr/bin/env node
// One cold run in a fresh process: simulate() of 100,000 trials of the example with a pool of its
// own (start-up, aggregate tables and JIT included), printing its wall time. Run it alternately
// with 1 and 2 workers, and against another build, for the 2-over-1 ratio of pools started by the run.
// Usage, after `npm run build`: node bench/scale-cold.mjs WORKERS [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const workers = Number(process.argv[2] ?? 2);
const dist = pathToFileURL(resolve(process.argv[3] ?? new URL('../dist', import.meta.url).pathname)).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { simulate } = await import(`${dist}/engine/simulate.js`);
const loaded = await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname);
const t = performance.now();
await simulate(loaded, { trials: 100_000, seed: 7, workers });
console.log(`simulate, 100,000 trials, ${workers} worker${workers > 1 ? 's' : ''}, cold (${process.argv[3] ?? 'dist'}): ${((performance.now() - t) / 1000).toFixed(2)} s`);
