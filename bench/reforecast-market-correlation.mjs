#!/usr/bin/env node
// Measure: each learned driver's correlation with the market factor in a re-forecast, its standard
// error and whether summary.json calls it tied (|r| - 3 se >= 0.1, analysis/market-overlap.ts).
// Usage, after `npm run build`: node bench/reforecast-market-correlation.mjs [TRIALS] [SEED]
// (the example with its five closed months of scenarios/example-actuals.csv).
import { loadScenario, simulate, readMonthlyFile, summarize } from '../dist/index.js';
const loaded = await loadScenario(new URL('../scenarios/example.yaml', import.meta.url).pathname);
const s = loaded.scenario;
const file = await readMonthlyFile(new URL('../scenarios/example-actuals.csv', import.meta.url).pathname, 'a.csv', { kind: 'actuals', tiers: s.tiers.map((t) => t.name), calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth } });
const sim = await simulate(loaded, { trials: Number(process.argv[2] ?? 10000), workers: 0, seed: process.argv[3] ?? '7', actuals: { file, months: 5 } });
for (const d of summarize(sim).reforecast.drivers)
  console.log(d.label.padEnd(28), d.marketCorrelation.toFixed(3).padStart(7), 'se', d.marketCorrelationSe.toFixed(3), 'tied', d.tiedToMarket);
