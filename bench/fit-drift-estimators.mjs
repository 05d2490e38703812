// fit's year-level drift of lead volume: five ways to write it, over simulated histories. The
// yearly level is a random walk (log steps of sd tau), 12/24/36 months of negative-binomial leads
// at 5, 20 and 200 a month; the level of the year after the history is the truth. For each case,
// the mean fitted drift² against tau² (bias in standard errors of the mean over the seeds; at 12
// months every estimator writes the judgement τ0², exactly tau² when tau = τ0) and how often the
// truth falls inside the written P10-P90 (nominal 80%, binomial SE 0.9 points at 2,000 seeds):
//   A  fit's estimator: τ² = (τ0² + Σd²) / (m + 1), sd = √(se² + τ²) (each change d carries the
//      two years' sampling noise n = φ/(12 L_b) + φ/(12 L_b+1), counted as drift);
//   B  net of the noise: τ² = max(0, τ0² + Σ(d² − n)) / (m + 1), sd = √(se² + τ²);
//   C  B widened for τ²'s own error: sd × t_ν(0.9) / z(0.9), ν = 2 P² / Var(P) (Satterthwaite), P = se² + τ²,
//      Var(P) = 2 Σ (τ² + n)² / (m + 1)²;
//   F  the Bayesian predictive: τ² on a grid, prior scale-inv-χ²(1, τ0²) (the pseudo-observation),
//      d ~ N(0, τ² + n); the band the central 80% of the mixture of N(0, se² + τ²); drift its median;
//   H  B's band widened by c, chosen so that, were B's τ² the truth, its bands would cover 80%
//      (a plug-in calibration over the changes' chi-square quantiles).
// Needs `npm run build`: [SEEDS=2000] [TAUS=0.15,0.05] node bench/fit-drift-estimators.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { normal, negativeBinomial, createStream } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const { betaQuantile } = await import(`${dist}/math/beta-quantile.js`);
const { normalCdf: Phi, normalQuantile } = await import(`${dist}/math/normal-cdf.js`);
const S = Number(process.env.SEEDS ?? 2000);
const TAUS = (process.env.TAUS ?? '0.15,0.05').split(',').map(Number);
const Z90 = 1.2815515655446004;
const TAU0 = 0.15;
/** t_ν's 90% point, exactly: ν / (ν + T²) ~ Beta(ν/2, ½). */
const t90 = (nu) => (!Number.isFinite(nu) || nu > 1e6 ? Z90 : Math.sqrt(nu * (1 / betaQuantile(0.2, nu / 2, 0.5) - 1)));
const CHI1 = Array.from({ length: 30 }, (_, i) => normalQuantile((i + 0.5) / 60 + 0.5) ** 2);

function bayes(ds, noise, se2) {
  const G = 300, w = new Float64Array(G), t = new Float64Array(G);
  let top = -Infinity;
  for (let i = 0; i < G; i++) {
    t[i] = Math.exp(Math.log(1e-7) + ((i + 0.5) * (Math.log(4) - Math.log(1e-7))) / G);
    // The prior's density in τ² is ∝ τ^-3 e^(−τ0²/2τ²); on a log grid, times τ².
    let l = -0.5 * Math.log(t[i]) - TAU0 ** 2 / (2 * t[i]);
    for (let j = 0; j < ds.length; j++) l += -0.5 * Math.log(t[i] + noise[j]) - ds[j] ** 2 / (2 * (t[i] + noise[j]));
    w[i] = l;
    top = Math.max(top, l);
  }
  let W = 0;
  for (let i = 0; i < G; i++) W += w[i] = Math.exp(w[i] - top);
  const cover = (q) => { let c = 0; for (let i = 0; i < G; i++) c += w[i] * (2 * Phi(q / Math.sqrt(se2 + t[i])) - 1); return c / W; };
  let lo = 0, hi = 10;
  for (let it = 0; it < 60; it++) { const mid = (lo + hi) / 2; if (cover(mid) < 0.8) lo = mid; else hi = mid; }
  let acc = 0, median = 0;
  for (let i = 0; i < G; i++) if ((acc += w[i] / W) >= 0.5) { median = t[i]; break; }
  return { half: lo, median };
}

function calibrated(tau2, noise, se2) {
  const sig = Math.sqrt(se2 + tau2);
  const m = noise.length;
  const stars = [];
  const at = (chis) => Math.sqrt(se2 + Math.max(0, (TAU0 ** 2 + chis.reduce((s, c, j) => s + (tau2 + noise[j]) * c - noise[j], 0)) / (m + 1)));
  if (m === 0) stars.push(sig);
  else if (m === 1) for (const a of CHI1) stars.push(at([a]));
  else for (const a of CHI1) for (const b of CHI1) stars.push(at([a, b]));
  const cov = (c) => stars.reduce((x, s) => x + 2 * Phi((c * Z90 * s) / sig) - 1, 0) / stars.length;
  let lo = 0.5, hi = 5;
  for (let it = 0; it < 30; it++) { const mid = (lo + hi) / 2; if (cov(mid) < 0.8) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}

const bias = (xs, truth) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return `${m.toFixed(4)} (${sd < 1e-9 ? (Math.abs(m - truth) < 1e-12 ? 'exact' : 'the judgement') : `${((m - truth) / (sd / Math.sqrt(xs.length))).toFixed(1)} SE`})`;
};
console.log('tau  leads k  months | mean drift²: A, B, F (bias)                         | inside P10-P90: A  B  C  F  H');
for (const tau of TAUS)
  for (const [lead, k] of [[5, 5], [20, 5], [200, 20]])
    for (const n of [12, 24, 36]) {
      const step = normal(createStream(`drift-estimators/${lead}/${tau}/${n}/steps`));
      const d2 = { A: [], B: [], F: [] };
      const inside = { A: 0, B: 0, C: 0, F: 0, H: 0 };
      for (let s = 0; s < S; s++) {
        const nb = negativeBinomial(createStream(`drift-estimators/${lead}/${tau}/${n}/${s}`));
        const years = n / 12;
        const levels = [lead];
        for (let y = 1; y <= years; y++) levels.push(levels[y - 1] * Math.exp(step(0, tau)));
        const fit = fitLeadVolume(Float64Array.from({ length: n }, (_, i) => nb(levels[Math.floor(i / 12)], k)));
        const miss = Math.abs(Math.log(levels[years] / fit.level.value));
        const se2 = fit.year.standardError ** 2;
        const phi = fit.poissonInterval ? 1 : fit.dispersion.phi;
        const L = fit.blockLevels;
        const ds = [], noise = [];
        for (let b = 0; b + 1 < years; b++) if (L[b] > 0 && L[b + 1] > 0) { ds.push(Math.log(L[b] / L[b + 1])); noise.push(phi / (12 * L[b]) + phi / (12 * L[b + 1])); }
        const m = ds.length;
        const tauB2 = Math.max(0, TAU0 ** 2 + ds.reduce((x, d, j) => x + d * d - noise[j], 0)) / (m + 1);
        const P = se2 + tauB2;
        const varP = noise.reduce((x, nz) => x + (2 * (tauB2 + nz) ** 2) / (m + 1) ** 2, 0);
        const F = bayes(ds, noise, se2);
        d2.A.push(fit.year.drift ** 2); d2.B.push(tauB2); d2.F.push(F.median);
        if (miss <= Z90 * fit.year.sd) inside.A++;
        if (miss <= Z90 * Math.sqrt(P)) inside.B++;
        if (miss <= Math.sqrt(P) * t90(varP > 0 ? (2 * P * P) / varP : Infinity)) inside.C++;
        if (miss <= F.half) inside.F++;
        if (miss <= Z90 * Math.sqrt(P) * calibrated(tauB2, noise, se2)) inside.H++;
      }
      const pc = (x) => `${((100 * x) / S).toFixed(1)}%`;
      console.log(`${tau.toFixed(2)} ${String(lead).padStart(4)} ${String(k).padStart(2)} ${String(n).padStart(6)} | ${bias(d2.A, tau * tau)}  ${bias(d2.B, tau * tau)}  ${bias(d2.F, tau * tau)} | ${Object.values(inside).map(pc).join(' ')}`);
    }
