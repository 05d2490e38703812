#!/usr/bin/env node
// The aggregate tables' build once its code is warm (what a warm engine or the studio pays for a new severity):
// 11 lognormal table sets of 5 tables each (55 tables, the example's count; sigmas 0.5 to 0.8, new each round,
// so nothing is cached), 10 rounds, the first 3 unrecorded; prints the median round's CPU of this thread
// (/proc/thread-self/schedstat: the main thread only, not V8's compiler threads). Linux (schedstat).
// Usage, after `npm run build`: node bench/table-build-warm.mjs [DIST] (an absolute path or one from here)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ms = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const distArg = process.argv[2] ?? 'dist';
const dist = pathToFileURL(resolve(distArg)).href;
const { lognormalSeverity } = await import(`${dist}/math/lognormal-severity.js`);
const { CompoundSumTables } = await import(`${dist}/random/compound-sum.js`);
const rounds = [];
for (let r = 0; r < 10; r++) {
  const t0 = ms();
  for (let s = 0; s < 11; s++) new CompoundSumTables(lognormalSeverity(0.5 + 0.03 * s + 0.001 * r)).buildAll();
  if (r >= 3) rounds.push(ms() - t0);
}
rounds.sort((a, b) => a - b);
console.log(`warm build of 55 tables: median ${rounds[3].toFixed(1)} ms CPU of the main thread (${distArg})`);
