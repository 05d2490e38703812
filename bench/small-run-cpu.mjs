#!/usr/bin/env node
// A small run's CPU in a fresh process, from the scenario loaded to the trials back (no summary, no outputs): the
// main thread's CPU (/proc/thread-self/schedstat: what an in-process run's chunks and lazy table builds cost) and
// the whole process's (its worker threads, V8's compiler threads and GC included). Linux (schedstat).
// Usage, after `npm run build`: node bench/small-run-cpu.mjs [DIST] [TRIALS] [WORKERS] [SCENARIO]
// (WORKERS 0 runs in process; pair two builds in alternation, A B B A, for a comparison.)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const trials = Number(process.argv[3] ?? 1000);
const workers = Number(process.argv[4] ?? 0);
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { simulate } = await import(`${dist}/engine/simulate.js`);
const loaded = await loadScenario(process.argv[5] ?? 'scenarios/example.yaml');
const mainMs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const processMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const m0 = mainMs();
const p0 = processMs();
await simulate(loaded, { trials, seed: 1, workers });
console.log(JSON.stringify({ trials, workers, mainMs: +(mainMs() - m0).toFixed(1), processMs: +(processMs() - p0).toFixed(1) }));
