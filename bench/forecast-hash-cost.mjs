// CPU time of forecastHash (scenario/forecast-hash.ts), which summarize() takes once a run, for the
// shipped scenarios (with and without a customer book). Run after `npm run build`: node bench/forecast-hash-cost.mjs
import { loadScenario } from '../dist/scenario/load.js';
import { forecastHash } from '../dist/scenario/forecast-hash.js';

const N = 200;
for (const file of ['scenarios/example.yaml', 'scenarios/enterprise-rep-driven.yaml', 'scenarios/hybrid-company.yaml']) {
  const loaded = await loadScenario(file);
  forecastHash(loaded);
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) forecastHash(loaded);
  const u = process.cpuUsage(t0);
  console.log(`${file}: ${((u.user + u.system) / N / 1000).toFixed(3)} ms CPU per forecastHash`);
}
