// How often the re-forecast's warnings about the actuals fire on years drawn from the plan itself
// (false alarms), per scenario (npm run build first):
//   node bench/actuals-warnings-scan.mjs [scenario] [years, default 100] [re-forecasts, default 30]
// - actuals-arr-unexplained: each of `years` simulated years, all 12 months (compile only);
// - actuals-far-from-plan: the first `re-forecasts` years, re-forecast after 3, 6 and 9 months
//   (1,000 trials each, in process).
import { simulatedYear } from '../dist/actuals/simulated-year.js';
import { compileReforecast } from '../dist/actuals/reforecast.js';
import { actualsWarnings } from '../dist/analysis/actuals-plausibility.js';
import { farFromPlanWarnings } from '../dist/analysis/actuals-far-from-plan.js';
import { simulate } from '../dist/engine/simulate.js';
import { planScenario } from '../dist/model/scenario-plan.js';
import { loadScenario } from '../dist/scenario/load.js';

const [scenarioPath = 'scenarios/example.yaml', yearsArg = '100', reforecastsArg = '30'] = process.argv.slice(2);
const loaded = await loadScenario(scenarioPath);
const plan = planScenario(loaded.scenario, loaded.files ?? {});
const firstMonths = (file, k) => ({ ...file, months: k, byTier: new Map([...file.byTier].map(([t, rows]) => [t, rows.slice(0, k)])) });
let unexplained = 0;
for (let i = 0; i < Number(yearsArg); i++) {
  const year = simulatedYear(plan, 'warnings-scan', i);
  const warned = actualsWarnings(compileReforecast(loaded.scenario, loaded.files, { file: year.file, months: 12 }, 'scan'));
  if (warned.length > 0) {
    unexplained++;
    console.log(`year ${i}: ${warned[0].message}`);
  }
}
let far = 0;
let runs = 0;
for (let i = 0; i < Number(reforecastsArg); i++) {
  const year = simulatedYear(plan, 'warnings-scan', i);
  for (const k of [3, 6, 9]) {
    const sim = await simulate(loaded, { trials: 1000, seed: `scan-${i}-${k}`, workers: 0, actuals: { file: firstMonths(year.file, k), months: k } });
    const warned = farFromPlanWarnings(sim);
    runs++;
    if (warned.length > 0) {
      far++;
      console.log(`year ${i} after ${k} months: ${warned[0].message}`);
    }
  }
}
console.log(`${scenarioPath}: actuals-arr-unexplained in ${unexplained} of ${yearsArg} years; actuals-far-from-plan in ${far} of ${runs} re-forecasts`);
