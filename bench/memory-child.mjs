// Runs one whole arrcast run (as the CLI does with its default outputs) and prints the process's peak
// resident memory. As the CLI, it keeps the drivers' own draws for the trials the attribution reads
// only (no trials.csv among the outputs: see TrialStoreOptions.ownDrawTrials).
// Usage: node bench/memory-child.mjs <scenario> <trials> <out dir>
import { loadScenario } from '../dist/scenario/load.js';
import { simulate } from '../dist/engine/simulate.js';
import { summarize } from '../dist/analysis/summarize.js';
import { ATTRIBUTION_TRIALS } from '../dist/analysis/attribution/sim-inputs.js';
import { writeReport } from '../dist/report/write-report.js';

const [file, trials, out] = process.argv.slice(2);
const sim = await simulate(await loadScenario(file), { trials: Number(trials), workers: 2, ownDrawTrials: ATTRIBUTION_TRIALS });
// As the CLI, which owns its run: the columns the report does not read are let go before it is written.
await writeReport(out, sim, summarize(sim), { releaseTrials: true });
// resourceUsage().maxRSS is in kilobytes and covers the worker threads (same process).
console.log(`${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
