#!/usr/bin/env node
// A pool's start and its threads' cold code, whole process: a pool of THREADS threads (default 2) of a
// build (dist, or another dist/ copied before a change) is started, its threads loaded, then each runs
// one chunk of 1,000 trials of scenarios/example.yaml (its first: the code it compiles then is cold).
// Prints the times of each step; for before/after, time the whole process in pairs:
//   /work/shared/tools/paired-time -n 5 'node bench/pool-start.mjs A/dist' 'node bench/pool-start.mjs dist'
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const threads = Number(process.argv[3] ?? 2);
const { createWorkerPool, destroyWorkerPool, whenPoolLoaded } = await import(`${dist}/engine/worker-pool.js`);
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { allocateChunkBuffers } = await import(`${dist}/model/simulate-chunk.js`);
const loaded = await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname);
const plan = planLoaded(loaded);
const t0 = performance.now();
const pool = createWorkerPool(threads);
await whenPoolLoaded(pool);
const t1 = performance.now();
await Promise.all(Array.from({ length: threads }, (_, chunk) =>
  pool.run({ scenario: loaded.scenario, files: loaded.files, hash: loaded.hash, seed: '1', chunk, trials: 1000, buffers: allocateChunkBuffers(plan, true) })));
const t2 = performance.now();
await destroyWorkerPool(pool);
console.log(`${threads} threads loaded in ${(t1 - t0).toFixed(0)} ms, their first chunks in ${(t2 - t1).toFixed(0)} ms more`);
