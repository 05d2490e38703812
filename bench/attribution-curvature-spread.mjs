// Whether the attribution's stated standard errors are honest in the nonlinear case of
// test/analysis/attribution/curvature-stability.test.ts (reps' capacity binding only in years it is drawn
// low, beside a lead level and the market): each share's spread over seeds against its mean stated SE.
// Usage: npm run build && node bench/attribution-curvature-spread.mjs [SEEDS=40] [TRIALS=1000]
import { parseScenario } from '../dist/scenario/parse.js';
import { simulate } from '../dist/engine/simulate.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';
const [seeds, trials] = [Number(process.argv[2] ?? 40), Number(process.argv[3] ?? 1000)];
const yaml = `
name: capacity binding in bad years
market: { loadings: { leads: 0.08 } }
tiers:
  - name: C
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: { dist: lognormal, p10: 700, p90: 900 } }
      conversion: 0.05
      acv: 12000
      reps:
        start: 10
        capacity: { dist: pert, min: 3, mode: 5, max: 8 }
`;
const rows = {};
for (let seed = 1; seed <= seeds; seed++) {
  const sim = await simulate(parseScenario(yaml), { trials, seed, workers: 0 });
  const s = sensitivity(attributionInputs(sim), Float64Array.from(sim.store.column('revenue')), 'revenue');
  for (const d of s.drivers) (rows[d.key] ??= []).push([d.varianceShare, d.varianceShareStandardError]);
}
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
for (const [key, r] of Object.entries(rows)) {
  const v = r.map((x) => x[0]);
  const m = mean(v);
  const sd = Math.sqrt(v.reduce((t, x) => t + (x - m) ** 2, 0) / (v.length - 1));
  const se = Math.sqrt(mean(r.map((x) => x[1] ** 2)));
  const low = Math.min(...r.map((x) => (x[0] - 2.1 * x[1])));
  console.log(`${key}: mean share ${m.toFixed(4)}, spread over ${seeds} seeds ${sd.toFixed(4)}, stated SE (rms) ${se.toFixed(4)}, ratio ${(sd / se).toFixed(3)}, lowest share - 2.1 SE ${low.toFixed(4)}`);
}
