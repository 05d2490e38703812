#!/usr/bin/env node
// Could the tables' spread check (CompoundSumTables.spreadError <= MAX_TABLE_SPREAD_ERROR, which builds S_64) be
// decided without building S_64? For each table set of a scenario's plan: the check's value; its floor from the grid
// step alone (sqrt(64 h^2 / 4) over the sd of S_64, as relativeErrorFloor); a ceiling from the grid alone (the bias
// at most h / 2 a deal, the interpolation error at most CELLS h / QUANTILES = 8 h); and what only the FFT gives: S_64's
// mass above its range (the table is refused above MAX_MASS_ABOVE_RANGE = 1e-9) and its bias per deal.
// Usage, after `npm run build`: node bench/spread-check-bounds.mjs [DIST] [SCENARIO]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { collectSumTableKeys, sumTables } = await import(`${dist}/model/sum-tables.js`);
const { bindChunkSamplers } = await import(`${dist}/model/simulate-chunk.js`);
const { aggregateStep, withAggregatePmf, CELLS } = await import(`${dist}/math/aggregate-pmf.js`);
const { QUANTILES } = await import(`${dist}/random/compound-sum.js`);

const plan = planLoaded(await loadScenario(process.argv[3] ?? 'scenarios/example.yaml'));
const keys = collectSumTableKeys(() => bindChunkSamplers(plan));
const e = (x) => x.toExponential(2);
let undecided = 0;
for (const key of keys) {
  const set = sumTables(key, () => {
    throw new Error(`no table set for ${key}`);
  });
  const sev = set.severity;
  const h = aggregateStep(sev, 64);
  const sd = Math.sqrt(64 * sev.variance);
  const floor = Math.sqrt((64 * h * h) / 4) / sd;
  const ceiling = (Math.sqrt((64 * h * h) / 4 + 4096 * (h / 2) ** 2) + (CELLS / QUANTILES) * h) / sd;
  if (ceiling > 0.1) undecided++;
  const [mass, bias] = withAggregatePmf(sev, 64, (a) => [a.massAboveRange, a.biasPerDeal / h]);
  console.log(`${key.padEnd(44)} spreadError ${e(set.spreadError())}  grid floor ${e(floor)}  grid ceiling ${e(ceiling)}  S_64 mass above range ${e(mass)}  bias/h ${e(bias)}`);
}
console.log(`${keys.length} sets; the grid ceiling above the 0.1 limit for ${undecided} (undecided without S_64); every set's buildability (mass above range <= 1e-9) is known only from the FFT`);
