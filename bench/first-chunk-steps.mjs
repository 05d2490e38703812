#!/usr/bin/env node
// A fresh worker thread's first chunks, step by step, in thread CPU (/proc/thread-self/schedstat, Linux): importing the
// modules, planScenario, then chunks 0, 1 and 2 of 1,000 trials of scenarios/example.yaml with the main thread's tables
// adopted (as a pool thread has them). What the first chunk costs beyond a warm one is its cold code.
// Usage, after `npm run build`: node bench/first-chunk-steps.mjs [DIST]
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const cpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
if (isMainThread) {
  const { loadScenario } = await import(`${dist}/scenario/load.js`);
  const { planLoaded } = await import(`${dist}/engine/simulate.js`);
  const { planSumTables } = await import(`${dist}/model/plan-sum-tables.js`);
  const loaded = await loadScenario('scenarios/example.yaml');
  const tables = planSumTables(planLoaded(loaded));
  const w = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), workerData: { scenario: loaded.scenario, files: loaded.files, tables } });
  w.on('message', (m) => console.log(m));
} else {
  const c0 = cpu();
  const { planScenario } = await import(`${dist}/model/scenario-plan.js`);
  const { simulateChunk, allocateChunkBuffers } = await import(`${dist}/model/simulate-chunk.js`);
  const { adoptSumTables } = await import(`${dist}/model/sum-tables.js`);
  const c1 = cpu();
  adoptSumTables(workerData.tables);
  const plan = planScenario(workerData.scenario, workerData.files);
  const c2 = cpu();
  const b = allocateChunkBuffers(plan);
  simulateChunk(plan, '1', 0, 1000, b);
  const c3 = cpu();
  simulateChunk(plan, '1', 1, 1000, b);
  const c4 = cpu();
  simulateChunk(plan, '1', 2, 1000, b);
  const c5 = cpu();
  parentPort.postMessage(`import ${(c1 - c0).toFixed(0)} plan ${(c2 - c1).toFixed(0)} chunk0 ${(c3 - c2).toFixed(0)} chunk1 ${(c4 - c3).toFixed(0)} chunk2 ${(c5 - c4).toFixed(0)} ms thread CPU`);
}
