// The warm start's deals against the market factor: a lead-driven tier with a 4-month sales cycle
// (deals closing in months 1-4 all come from leads of the months before the year), leads loading 0.5
// and a year-level lead mean (median 1,000, P90 1,400), 20,000 trials in process. Prints the deals
// live after month 4, customers won and revenue, overall and in the worst and best tenth of markets.
//
//   node bench/warm-start-market.mjs [dist-dir]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
const { parseScenario } = await load('scenario/parse.js');
const { simulate } = await load('engine/simulate.js');
const YAML = `
name: warm start, strong market
market: { loadings: { leads: 0.5 } }
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, median: 1000, p90: 1400 } }
      conversion: 0.05
      salesCycleMonths: 4
      acv: 12000
`;
const sim = await simulate(parseScenario(YAML, 'warm.yaml'), { trials: 20000, seed: 3, workers: 0 });
const col = (k) => sim.store.column(k);
const z = col('driver.market');
const warm = Float64Array.from(col('mrr.4'), (x) => (x * 12) / 12000);
const mean = (xs, pick = () => true) => {
  let s = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (pick(i)) (s += xs[i]), n++;
  return s / n;
};
const sd = (xs) => Math.sqrt(mean(Float64Array.from(xs, (x) => (x - mean(xs)) ** 2)) * (xs.length / (xs.length - 1)));
const line = (label, xs, f) =>
  console.log(`${label}: mean ${f(mean(xs))}, sd ${f(sd(xs))}; worst tenth of markets (z < -1.28) ${f(mean(xs, (i) => z[i] < -1.28))}, best tenth (z > 1.28) ${f(mean(xs, (i) => z[i] > 1.28))}`);
const count = (x) => x.toFixed(1);
line('deals closing in months 1-4 (the warm start)', warm, count);
line('customers won', col('customersWon'), count);
line('revenue', col('revenue'), (x) => `${(x / 1e6).toFixed(3)}M`);
