// test/studio/shape-controls.test.ts compares the revenue P50 of hybrid-company.yaml's plan with that of
// "SMB grade-B conversion 1.2% instead of 1.5%, Enterprise hires a quarter late", both at one seed (the
// studio's answers: common random numbers). Its trial count is set by that comparison's standard error:
// this prints, for each count, the paired drop d = P50(plan) - P50(moved) over SEEDS seeds, its mean and
// standard deviation, and the mean over the SD (how many SDs from a false failure, d <= 0, the test is).
//   npm run build --silent && node bench/shape-controls-p50-drop.mjs [TRIALS...]   (default 500 2000)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStudioScenario } from '../dist/studio/studio-scenario.js';
import { simulate } from '../dist/engine/simulate.js';
import { summarize } from '../dist/analysis/summarize.js';
import { EMPTY_STATE } from '../dist/studio/state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = 20;
const counts = process.argv.slice(2).map(Number);
const studio = await openStudioScenario(join(root, 'scenarios/hybrid-company.yaml'));
const moved = (await studio.scenarioOf({ ...EMPTY_STATE, drivers: { '0/conversion.B': { central: 0.012 }, '2/hireDelay': { central: 3 } } })).loaded;
const p50 = async (loaded, trials, seed) => summarize(await simulate(loaded, { trials, seed, workers: 0 })).metrics.revenue.percentiles.p50;
for (const trials of counts.length ? counts : [500, 2000]) {
  const d = [];
  for (let seed = 1; seed <= SEEDS; seed++) d.push((await p50(studio.loaded, trials, seed)) - (await p50(moved, trials, seed)));
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
  console.log(`${trials} trials, ${SEEDS} seeds: drop mean ${mean.toFixed(0)}, sd ${sd.toFixed(0)}, min ${Math.min(...d).toFixed(0)}, mean/sd ${(mean / sd).toFixed(1)}; seed 11: ${d[10].toFixed(0)}`);
}
