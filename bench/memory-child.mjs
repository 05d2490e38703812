// Runs one whole arrcast run (as the CLI does) and prints the process's peak resident memory.
// Usage: node bench/memory-child.mjs <scenario> <trials> <out dir>
import { loadScenario } from '../dist/scenario/load.js';
import { simulate } from '../dist/engine/simulate.js';
import { summarize } from '../dist/analysis/summarize.js';
import { writeReport } from '../dist/report/write-report.js';

const [file, trials, out] = process.argv.slice(2);
const sim = await simulate(await loadScenario(file), { trials: Number(trials), workers: 2 });
await writeReport(out, sim, summarize(sim));
// resourceUsage().maxRSS is in kilobytes and covers the worker threads (same process).
console.log(`${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
