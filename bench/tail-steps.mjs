// The CLI's work after the simulation, step by step, on a merged part file (make one with
// `node dist/cli/main.js run scenarios/example.yaml --trials N --workers 2 --shard 1/1 --out PART`): summarize() with the
// attribution prepared, then writeReport with OUTPUTS, printing each step's CPU (user + system) and wall ms and RSS.
// Usage: node bench/tail-steps.mjs DIST PART [OUTPUTS comma-separated, e.g. summary,trials] [OUT]
import { resolve } from 'node:path';
const [dist, part, outputs = 'summary,html,charts,csv,xlsx', outDir = '/tmp/tail-steps-out'] = process.argv.slice(2);
const D = resolve(dist);
const { mergeParts } = await import(`${D}/engine/merge.js`);
const { summarize } = await import(`${D}/analysis/summarize.js`);
const { prepareAttribution } = await import(`${D}/analysis/attribution/prepared.js`);
const { writeReport } = await import(`${D}/report/write-report.js`);
const { warmReportLibraries } = await import(`${D}/report/warm-libraries.js`);
const sim = await mergeParts([part]);
const outs = outputs.split(',');
await warmReportLibraries(outs);
const prepared = prepareAttribution(sim);
const mb = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);
let c = process.cpuUsage(); let t = performance.now();
const lap = (label) => { const d = process.cpuUsage(c); const w = performance.now() - t; console.log(`${label.padEnd(28)} cpu ${((d.user + d.system) / 1000).toFixed(0).padStart(6)} ms  wall ${w.toFixed(0).padStart(6)} ms  rss ${mb()} MB`); c = process.cpuUsage(); t = performance.now(); };
const c0 = process.cpuUsage(); const t0 = performance.now();
lap('start');
const summary = summarize(sim, { prepared });
lap('summarize');
await writeReport(outDir, sim, summary, { outputs: outs, onStep: (s) => lap(s) });
lap('end');
const d = process.cpuUsage(c0);
console.log(`TOTAL cpu ${((d.user + d.system) / 1000).toFixed(0)} ms wall ${(performance.now() - t0).toFixed(0)} ms maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
