#!/usr/bin/env node
// Tornado ends of a discrete conversion against the median of the trials drawn at each end's value (fixad18):
//   npm run build --silent && node bench/tornado-discrete-ends.mjs '[[0.01,0.02,0.035,0.05],[0.02,0.075,0.155,0.75]]' 4000
// (values, weights; trials; SEED, default 5). One tier: Poisson leads (mean 400), the discrete conversion, ACV 10k.
import { parseScenario } from '../dist/scenario/parse.js';
import { simulate } from '../dist/engine/simulate.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';
const [values, weights] = JSON.parse(process.argv[2]);
const n = Number(process.argv[3] ?? 4000);
const yaml = `name: d\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: 400 }\n      conversion: { dist: discrete, values: [${values}], weights: [${weights}] }\n      acv: 10000\n`;
const sim = await simulate(parseScenario(yaml, 'd.yaml'), { trials: n, seed: Number(process.env.SEED ?? 5), workers: 0 });
const s = sensitivity(attributionInputs(sim), sim.store.column('revenue'));
const d = s.drivers.find((x) => x.label === 'T conversion');
const own = sim.store.column('own.T.conversion'), rev = sim.store.column('revenue');
const med = (v) => { const a = [...rev].filter((_, i) => own[i] === Math.fround(v)).sort((a, b) => a - b); const h=(a.length-1)/2; return [a[Math.floor(h)] + (h-Math.floor(h))*(a[Math.ceil(h)]-a[Math.floor(h)]), a.length]; };
for (const e of [d.low, d.high]) console.log(`P${e.percentile*100}: driverValue ${e.driverValue.toFixed(4)} median ${e.metricMedian.toFixed(0)}; median of trials AT that value ${JSON.stringify(med(e.driverValue))}`);
for (const v of values) console.log('  value', v, 'median/trials', JSON.stringify(med(v)));
