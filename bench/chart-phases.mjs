#!/usr/bin/env node
// Where a report chart's time goes, chart by chart: vega-lite's compile to Vega, vega's parse of that,
// the View's construction, and toSVG (the dataflow's run and the SVG string), then the CLI's own
// post-processing (renderChart's renumbering of ids and xmlSafe are included in "whole"). Reads the
// *.vl.json a report wrote (charts/), in the order given; vega and vega-lite are the build's vendored
// bundles, warmed first with renderChart's tiny chart as the CLI warms them during the simulation.
// Rounds alternate over the charts; medians of ROUNDS (after one unrecorded round).
// Usage: node bench/chart-phases.mjs DIST CHARTS_DIR [ROUNDS]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const dir = process.argv[3];
const rounds = Number(process.argv[4] ?? 5);
// A build from spd24 on has them in one script bundle (src/engine/script-bundle.ts), earlier ones as ES modules.
const charts = existsSync(new URL(`${dist}/cli/vendor/charts.bundle.cjs`))
  ? (await import(`${dist}/engine/script-bundle.js`)).runScriptBundle(new URL(`${dist}/cli/vendor/charts.bundle.cjs`), { url: `${dist}/cli/main.js`, resolve: (s) => s })
  : { vegaLite: await import(`${dist}/cli/vendor/vega-lite.js`), vega: await import(`${dist}/cli/vendor/vega.js`) };
const { vegaLite: vl, vega } = charts;
const { renderChart, warmChartLibraries } = await import(`${dist}/report/render-chart.js`);
await warmChartLibraries();
const names = readdirSync(dir).filter((f) => f.endsWith('.vl.json')).sort();
const specs = names.map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
const loader = { load: () => Promise.reject(new Error('no')), sanitize: () => Promise.reject(new Error('no')) };
const times = names.map(() => ({ clone: [], compile: [], parse: [], view: [], toSVG: [], whole: [] }));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let r = 0; r <= rounds; r++) {
  for (let i = 0; i < specs.length; i++) {
    const t0 = performance.now();
    const copy = structuredClone(specs[i]);
    const t1 = performance.now();
    const compiled = vl.compile(copy);
    const t2 = performance.now();
    const parsed = vega.parse(compiled.spec);
    const t3 = performance.now();
    const view = new vega.View(parsed, { renderer: 'none', loader, logLevel: vega.Warn });
    const t4 = performance.now();
    await view.toSVG();
    const t5 = performance.now();
    view.finalize();
    const w0 = performance.now();
    await renderChart(specs[i]);
    const w1 = performance.now();
    if (r === 0) continue;
    const t = times[i];
    t.clone.push(t1 - t0); t.compile.push(t2 - t1); t.parse.push(t3 - t2); t.view.push(t4 - t3); t.toSVG.push(t5 - t4); t.whole.push(w1 - w0);
  }
}
console.log('chart (ms, median of ' + rounds + ')  clone compile parse view toSVG | renderChart whole');
const sum = { clone: 0, compile: 0, parse: 0, view: 0, toSVG: 0, whole: 0 };
names.forEach((n, i) => {
  const m = Object.fromEntries(Object.entries(times[i]).map(([k, v]) => [k, median(v)]));
  for (const k of Object.keys(sum)) sum[k] += m[k];
  console.log(n.padEnd(30), ['clone', 'compile', 'parse', 'view', 'toSVG'].map((k) => m[k].toFixed(1).padStart(6)).join(' '), '|', m.whole.toFixed(1).padStart(6));
});
console.log('sum'.padEnd(30), ['clone', 'compile', 'parse', 'view', 'toSVG'].map((k) => sum[k].toFixed(1).padStart(6)).join(' '), '|', sum.whole.toFixed(1).padStart(6));
