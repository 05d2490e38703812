// Whether the attribution's stated standard errors are honest in the two-driver closed-form case of
// test/analysis/attribution/two-driver-closed-form.test.ts (a market-loaded binomial book beside a beta
// conversion; closed-form shares there): the shares' spread over seeds against the mean stated SE.
// Usage: npm run build && node bench/attribution-two-driver-spread.mjs [SEEDS=40] [TRIALS=5000]
import { parseScenario } from '../dist/scenario/parse.js';
import { simulate } from '../dist/engine/simulate.js';
import { summarize } from '../dist/analysis/summarize.js';
const [seeds, trials] = [Number(process.argv[2] ?? 40), Number(process.argv[3] ?? 5000)];
const yaml = `
name: two drivers
market: { loadings: { renewal: 0.5 } }
tiers:
  - name: M
    existing: { customers: 1000, openingArr: 10000000, renewalCalendar: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], renewalRate: 0.9, priceUplift: 0 }
  - name: C
    newBusiness: { leadsPerMonth: 50, seasonality: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], salesCycleMonths: 0, serviceStartLagMonths: 0, conversion: { dist: beta, mean: 0.1, sd: 0.04 }, acv: 10000 }
`;
const rows = { 'driver.market': [], 'driver.C.conversion': [] };
for (let seed = 1; seed <= seeds; seed++) {
  const s = summarize(await simulate(parseScenario(yaml), { trials, seed, workers: 0 })).sensitivity;
  for (const d of s.drivers) if (rows[d.key]) rows[d.key].push([d.varianceShare, d.varianceShareStandardError]);
}
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
for (const [key, r] of Object.entries(rows)) {
  const v = r.map((x) => x[0]);
  const m = mean(v);
  const sd = Math.sqrt(v.reduce((t, x) => t + (x - m) ** 2, 0) / (v.length - 1));
  console.log(`${key}: mean share ${m.toFixed(4)} (SE of the mean ${(sd / Math.sqrt(v.length)).toFixed(4)}), spread over ${seeds} seeds ${sd.toFixed(4)}, stated SE (rms) ${Math.sqrt(mean(r.map((x) => x[1] ** 2))).toFixed(4)}`);
}
