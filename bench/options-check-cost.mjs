// CPU time of checking a run's options before it starts (engine/simulate.ts resolveOptions: the
// options' schema, then what needs the scenario), per call, on the options the CLI passes; and of
// checkSignal (a signal checked alone: writeReport, each report the CLI writes).
// Usage: node bench/options-check-cost.mjs [DIST]   (DIST: a build's dist/, default ./dist)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpuUsage } from 'node:process';

const dist = resolve(process.argv[2] ?? 'dist');
const { parseScenario } = await import(`${dist}/index.js`);
// resolveOptions is internal: bundled builds keep it in the simulate module's chunk; the tsc build has the file.
const { resolveOptions, checkSignal } = await import(`${dist}/engine/simulate.js`);
const loaded = parseScenario(readFileSync(new URL('../scenarios/example.yaml', import.meta.url), 'utf8'), 'example.yaml');
const options = { trials: 10_000, seed: 7, workers: 2, maxMinutes: 60, signal: new AbortController().signal, onProgress: () => undefined };
const N = 20_000;
for (let i = 0; i < 2_000; i++) resolveOptions(loaded, options);
const start = cpuUsage();
for (let i = 0; i < N; i++) resolveOptions(loaded, options);
const used = cpuUsage(start);
console.log(`resolveOptions: ${(((used.user + used.system) / N)).toFixed(1)} µs CPU a call (${N} calls; ${dist})`);

const signal = options.signal;
for (let i = 0; i < 2_000; i++) checkSignal(signal);
const M = 50_000;
const signalStart = cpuUsage();
for (let i = 0; i < M; i++) checkSignal(signal);
const signalUsed = cpuUsage(signalStart);
console.log(`checkSignal: ${((signalUsed.user + signalUsed.system) / M).toFixed(2)} µs CPU a call (${M} calls; ${dist})`);
