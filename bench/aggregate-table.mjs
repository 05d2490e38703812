#!/usr/bin/env node
// CPU of one aggregate table's build (math/aggregate-pmf.ts): a lognormal of sigma 0.6, sums of 4 to
// 64 deals, 20 builds after 3 warm-ups. Usage, after `npm run build`: node bench/aggregate-table.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { aggregatePmf } = await import(`${dist}/math/aggregate-pmf.js`);
const { lognormalSeverity } = await import(`${dist}/math/lognormal-severity.js`);
const severity = lognormalSeverity(0.6);
for (let i = 0; i < 3; i++) aggregatePmf(severity, 8);
const start = process.cpuUsage();
for (let i = 0; i < 20; i++) aggregatePmf(severity, 4 << (i % 5));
const used = process.cpuUsage(start);
console.log(`aggregate table build: ${((used.user + used.system) / 20_000).toFixed(2)} ms CPU each (${process.argv[2] ?? 'dist'})`);
