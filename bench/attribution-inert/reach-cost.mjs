// CPU of the reach checks attribution runs once per run (dec24): driverReachesTier, driverReachesMetric for each
// metric and marketMovesTierMetric, over hybrid-company.yaml's plan. Usage: npm run build && node bench/attribution-inert/reach-cost.mjs
import { loadScenario } from '../../dist/scenario/load.js';
import { simulate } from '../../dist/engine/simulate.js';
import { driverReachesMetric, driverReachesTier } from '../../dist/model/driver-reach.js';
import { marketMovesTierMetric } from '../../dist/model/market-moves-tier.js';
import { METRICS } from '../../dist/model/components.js';
const sim = await simulate(await loadScenario(new URL('../../scenarios/hybrid-company.yaml', import.meta.url).pathname), { trials: 10, seed: 1, workers: 0 });
const reps = 1000; let k = 0;
const c = process.cpuUsage();
for (let r = 0; r < reps; r++) for (const t of sim.plan.tiers) { for (const d of t.plannedDrivers) { if (driverReachesTier(t, d)) k++; for (const m of METRICS) if (driverReachesMetric(t, d, m)) k++; } for (const m of METRICS) if (marketMovesTierMetric(t, m)) k++; }
const d = process.cpuUsage(c);
console.log('drivers', sim.plan.tiers.reduce((a, t) => a + t.plannedDrivers.length, 0), 'CPU ms per run of the added checks', ((d.user + d.system) / 1000 / reps).toFixed(4), k);
