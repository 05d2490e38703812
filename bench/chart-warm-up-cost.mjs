#!/usr/bin/env node
// Would a richer warm-up of vega pay? In a fresh process: the CLI's warm-up (renderChart's one tiny bar chart,
// warmChartLibraries) alone (`tiny`), or followed by the report's own chart kinds drawn once on 3 rows of data
// each (`real`: each *.vl.json of CHARTS_DIR with its datasets cut to 3 rows); then the report's charts (the
// *.vl.json in full) drawn once, as writeReport draws them. Prints the process's CPU (V8's compiler threads
// included) and wall time of the warm-up and of the charts after it.
// Usage: node bench/chart-warm-up-cost.mjs DIST CHARTS_DIR tiny|real
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const dir = process.argv[3];
const mode = process.argv[4] ?? 'tiny';
const { renderChart, warmChartLibraries } = await import(`${dist}/report/render-chart.js`);
const specs = readdirSync(dir).filter((f) => f.endsWith('.vl.json')).sort().map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const c0 = cpu();
const w0 = performance.now();
await warmChartLibraries();
if (mode === 'real') {
  for (const s of specs) {
    const small = structuredClone(s);
    for (const name of Object.keys(small.datasets ?? {})) small.datasets[name] = small.datasets[name].slice(0, 3);
    await renderChart(small);
  }
}
const c1 = cpu();
const w1 = performance.now();
for (const s of specs) await renderChart(s);
const c2 = cpu();
const w2 = performance.now();
console.log(`${mode}: warm-up ${(c1 - c0).toFixed(0)} ms CPU (${(w1 - w0).toFixed(0)} wall); then ${specs.length} charts ${(c2 - c1).toFixed(0)} ms CPU (${(w2 - w1).toFixed(0)} wall)`);
