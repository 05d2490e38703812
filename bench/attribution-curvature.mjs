#!/usr/bin/env node
// Bias of the first-order share estimator when the metric curves in an input inside a bin (att18):
//   npm run build --silent && node bench/attribution-curvature.mjs        (BENCH_TRIALS=20000, BENCH_SEEDS=10,
//   BENCH_LOADINGS=0.3,0.5,0.7,1)
// One tier, Poisson leads (mean 4,000 a month) moved only by the market (loading b on leads), fixed
// conversion 5% and ACV 10k, no sales cycle. E[revenue | z] = k mu e^(b z - b²/2) with k = 6.5 x 4,000 x
// 10,000, so the market's true share is k² mu² (e^(b²) - 1) / (that + 10,000² x (650 / 144) x 4,000 x mu)
// (the rest is the deals' Poisson luck). For each loading: the truth, the estimator's mean share over the
// seeds and how many of its 95% intervals cover the truth, and, on the first seed, the adjusted R² of a
// line (the estimator's fit until att19, which halves the outer bins: bench/attribution-estimators.mjs),
// a quadratic and a cubic in each of prepareInput's K bins.
import { parseScenario } from '../dist/scenario/parse.js';
import { simulate } from '../dist/engine/simulate.js';
import { attributionInputs } from '../dist/analysis/attribution/sim-inputs.js';
import { sensitivity } from '../dist/analysis/sensitivity.js';

const trials = Number(process.env.BENCH_TRIALS ?? 20_000);
const seeds = Number(process.env.BENCH_SEEDS ?? 10);
const [L, A, MU] = [4000, 10_000, 0.05];

/** Adjusted R² of a polynomial of degree `deg` fitted in each of the input's bins (p = (deg + 1) K). */
function adjustedR2(y, input, deg) {
  const n = y.length;
  let m = 0;
  for (const v of y) m += v;
  m /= n;
  let sst = 0;
  for (const v of y) sst += (v - m) ** 2;
  let sse = 0;
  let p = 0;
  const d = deg + 1;
  for (let k = 0; k < input.bins; k++) {
    const idx = [];
    for (let i = 0; i < n; i++) if (input.bin[i] === k) idx.push(i);
    const xm = idx.reduce((a, i) => a + input.x[i], 0) / idx.length;
    const M = Array.from({ length: d }, () => new Float64Array(d + 1));
    const powers = (i) => Array.from({ length: d }, (_, j) => (input.x[i] - xm) ** j);
    for (const i of idx) {
      const xs = powers(i);
      for (let a = 0; a < d; a++) {
        M[a][d] += xs[a] * y[i];
        for (let c = 0; c < d; c++) M[a][c] += xs[a] * xs[c];
      }
    }
    for (let c = 0; c < d; c++) {
      let piv = c;
      for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
      [M[c], M[piv]] = [M[piv], M[c]];
      for (let r = 0; r < d; r++)
        if (r !== c) {
          const f = M[r][c] / M[c][c];
          for (let q = c; q <= d; q++) M[r][q] -= f * M[c][q];
        }
    }
    const beta = M.map((r, a) => r[d] / r[a]);
    for (const i of idx) sse += (y[i] - powers(i).reduce((a, x, j) => a + beta[j] * x, 0)) ** 2;
    p += d;
  }
  return 1 - ((n - 1) * (sse / (n - p))) / sst;
}

console.log(`market share of revenue, leads loaded b on the market, ${trials.toLocaleString('en-US')} trials, ${seeds} seeds:`);
const loadings = (process.env.BENCH_LOADINGS ?? '0.3,0.5,0.7,1').split(',').map(Number);
for (const b of loadings) {
  const yaml = `name: curvature\nmarket:\n  loadings:\n    leads: ${b}\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: ${L} }\n      conversion: ${MU}\n      acv: ${A}\n`;
  const k = 6.5 * L * A;
  const between = k * k * MU * MU * (Math.exp(b * b) - 1);
  const truth = between / (between + A * A * (650 / 144) * L * MU);
  let sum = 0;
  let covered = 0;
  let fits = '';
  for (let s = 0; s < seeds; s++) {
    const sim = await simulate(parseScenario(yaml, 'curvature.yaml'), { trials, seed: 100 + s, workers: 0 });
    const inputs = attributionInputs(sim);
    const y = Float64Array.from(sim.store.column('revenue'));
    const d = sensitivity(inputs, y).drivers[0];
    sum += d.varianceShare;
    if (d.varianceShareInterval[0] <= truth && truth <= d.varianceShareInterval[1]) covered++;
    if (s === 0) {
      const input = inputs.drivers[0].input;
      fits = `line ${(100 * adjustedR2(y, input, 1)).toFixed(3)}%, quadratic ${(100 * adjustedR2(y, input, 2)).toFixed(3)}%, cubic ${(100 * adjustedR2(y, input, 3)).toFixed(3)}%`;
    }
  }
  console.log(`  b ${b}: truth ${(100 * truth).toFixed(3)}%; estimate ${(100 * sum / seeds).toFixed(3)}% on average, interval covers the truth in ${covered} of ${seeds}; seed 100: ${fits}`);
}
