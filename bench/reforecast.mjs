// A re-forecast's cost against a plan run's, chunk by chunk, in one thread (npm run build first):
//   node bench/reforecast.mjs [scenario] [actuals] [chunks] [closed months, default: all the file's]
// Alternates plan and re-forecast chunks and reports the median time of each (load on the machine
// moves both alike), and the share of a re-forecast chunk spent in its posterior chain.
import { loadScenario } from '../dist/scenario/load.js';
import { planScenario } from '../dist/model/scenario-plan.js';
import { simulateChunk, allocateChunkBuffers } from '../dist/model/simulate-chunk.js';
import { compileReforecast, reforecastChunk } from '../dist/actuals/reforecast.js';
import { posteriorDraws } from '../dist/actuals/posterior-draws.js';
import { readMonthlyFile } from '../dist/actuals/read-monthly-file.js';

const [scenarioPath = 'scenarios/example.yaml', actualsPath = 'scenarios/example-actuals.csv', chunksArg = '12', monthsArg] = process.argv.slice(2);
const loaded = await loadScenario(scenarioPath);
const s = loaded.scenario;
const file = await readMonthlyFile(actualsPath, actualsPath, { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
const seed = '7';
const plan = planScenario(s, loaded.files ?? {});
const t0 = performance.now();
const months = monthsArg === undefined ? file.months : Number(monthsArg);
const r = compileReforecast(s, loaded.files, { file, months }, seed);
const compileMs = performance.now() - t0;
const planBuffers = allocateChunkBuffers(plan);
const rfBuffers = allocateChunkBuffers(r.plan);
const times = { plan: [], reforecast: [], chain: [] };
const chunks = Number(chunksArg);
for (let c = 0; c < chunks; c++) {
  let t = performance.now();
  simulateChunk(plan, seed, c, 1000, planBuffers);
  times.plan.push(performance.now() - t);
  t = performance.now();
  reforecastChunk(r, seed, c, 1000, rfBuffers);
  times.reforecast.push(performance.now() - t);
  t = performance.now();
  posteriorDraws(r.model, seed, c, 1000);
  times.chain.push(performance.now() - t);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${scenarioPath}, ${months} closed months, ${chunks} chunks of 1,000 trials`);
console.log(`plan chunk        ${median(times.plan).toFixed(1)} ms (median)`);
console.log(`re-forecast chunk ${median(times.reforecast).toFixed(1)} ms, of which the posterior chain ${median(times.chain).toFixed(1)} ms`);
console.log(`re-forecast compile (state, likelihood, prior tables) ${compileMs.toFixed(1)} ms once per run and per worker`);
