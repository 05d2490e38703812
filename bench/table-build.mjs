#!/usr/bin/env node
// The aggregate tables of a run, as the main thread makes them before the first chunk (random/compound-sum.ts,
// model/plan-sum-tables.ts), in a fresh process: CPU of the main thread (from /proc/thread-self/schedstat) and of
// the whole process (background compiling and GC included), then the cost of cloning the tables into a task
// message and out of it (what every chunk that carries them costs). Linux (schedstat).
// Usage, after `npm run build`: node bench/table-build.mjs [DIST] [SCENARIO]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const distArg = process.argv[2] ?? 'dist';
const dist = pathToFileURL(resolve(distArg)).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { collectSumTableKeys, shareSumTables } = await import(`${dist}/model/sum-tables.js`);
const { simulateChunk } = await import(`${dist}/model/simulate-chunk.js`);
const mainMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const processMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const plan = planLoaded(await loadScenario(process.argv[3] ?? 'scenarios/example.yaml'));
const keys = collectSumTableKeys(() => simulateChunk(plan, 'sum-tables', 0, 0));
const m0 = mainMs();
const p0 = processMs();
const tables = shareSumTables(keys);
const main = mainMs() - m0;
const all = processMs() - p0;
const count = tables.reduce((n, s) => n + s.tables.filter(Boolean).length, 0);

const { port1, port2 } = new MessageChannel();
const N = 200;
for (let i = 0; i < 20; i++) port1.postMessage({ sumTables: tables }) || receiveMessageOnPort(port2);
const t = performance.now();
for (let i = 0; i < N; i++) {
  port1.postMessage({ sumTables: tables });
  receiveMessageOnPort(port2);
}
const cloneUs = ((performance.now() - t) / N) * 1000;
port1.close();
console.log(`${keys.length} table sets, ${count} tables: ${main.toFixed(0)} ms CPU on the main thread, ${all.toFixed(0)} ms the process; cloning them into a message and out: ${cloneUs.toFixed(0)} us (${distArg})`);
