#!/usr/bin/env node
// Measure: each learned driver's first-order share of revenue's variance in a re-forecast, from its own
// draws as they are (before) and from the part of them the market factor does not explain linearly
// (residual of a least-squares fit on z: Mara & Tarantola's 'independent' input), and the market's.
// Usage, after `npm run build`: node bench/reforecast-market-overlap.mjs [TRIALS] [SEED]
// (the example with its five closed months of scenarios/example-actuals.csv).
import { loadScenario, simulate, readMonthlyFile } from '../dist/index.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { prepareInput, binCount } from '../dist/analysis/attribution/input.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';
import { metricColumn } from '../dist/analysis/columns.js';
const loaded = await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname);
const s = loaded.scenario;
const file = await readMonthlyFile(new URL('../scenarios/example-actuals.csv', import.meta.url).pathname, 'a.csv', { kind: 'actuals', tiers: s.tiers.map((t) => t.name), calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth } });
const sim = await simulate(loaded, { trials: Number(process.argv[2] ?? 10000), workers: 2, seed: process.argv[3] ?? '1', actuals: { file, months: 5 } });
const inputs = attributionInputs(sim);
const n = inputs.trials;
const z = sim.store.column('driver.market').subarray(0, n);
const revenue = metricColumn(sim, 'revenue').subarray(0, n);
const before = sensitivity(inputs, revenue, 'revenue');
const mz = z.reduce((a, x) => a + x, 0) / n;
const ortho = { ...inputs, drivers: inputs.drivers.map((d) => {
  if (!d.input || d.key === 'driver.market') return d;
  const own = sim.store.column(sim.plan.tiers.find((t) => t.name === d.tier).plannedDrivers.find((x) => (x.shiftedColumn ?? '') === d.key || x.key === d.key)?.ownColumn ?? '')?.subarray(0, n);
  if (!own) return d;
  const mo = own.reduce((a, x) => a + x, 0) / n;
  let sxy = 0, sxx = 0; for (let i = 0; i < n; i++) { sxy += (z[i] - mz) * (own[i] - mo); sxx += (z[i] - mz) ** 2; }
  const b = sxy / sxx;
  const res = Float64Array.from(own, (x, i) => x - b * (z[i] - mz));
  return { ...d, input: prepareInput(res, 'own', binCount(n)) };
}) };
const after = sensitivity(ortho, revenue, 'revenue');
const pct = (x) => (100 * x).toFixed(2).padStart(6);
let sb = 0, sa = 0;
for (const d of before.drivers) {
  const a = after.drivers.find((x) => x.key === d.key);
  if (d.varianceShare == null) continue;
  sb += d.varianceShare; sa += a.varianceShare;
  if (Math.abs(d.varianceShare) >= 0.003) console.log(d.label.padEnd(36), pct(d.varianceShare), pct(a.varianceShare), `[${pct(d.varianceShareInterval[0])},${pct(d.varianceShareInterval[1])}]`);
}
console.log('sum of shares'.padEnd(36), pct(sb), pct(sa));
