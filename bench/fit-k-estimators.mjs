// The negative binomial's k that fit writes (moments, mean(μ) / (φ − 1)) over simulated histories of
// known k, from weak dispersion (φ 2) to strong (φ 68), beside two estimators tried in December 2026:
// the df − 2 correction mean(μ) / (X²/(df − 2) − 1), and (for flat 12-month histories only) the
// maximum-likelihood k with the means fixed at the counts' mean. Mean over the seeds where Poisson was
// rejected ± its SE, bias in SE. Seasonal from 24 months. Needs `npm run build`: [SEEDS=500] node bench/fit-k-estimators.mjs
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { negativeBinomial, createStream } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const { logGamma } = await import(`${dist}/math/incomplete-beta.js`);
const S = Number(process.env.SEEDS ?? 500);
const SEASON = [1.2, 0.8, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.0];
const ms = (xs) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)); return [m, sd / Math.sqrt(xs.length)]; };
const show = ([m, se], t) => `${m.toFixed(1)}±${se.toFixed(1)} (${((100 * (m - t)) / t).toFixed(0)}%, ${((m - t) / se).toFixed(1)} SE)`;
const ll = (y, mu, k) => { let s = 0; for (const v of y) s += logGamma(v + k) - logGamma(k) + k * Math.log(k / (k + mu)) + v * Math.log(mu / (k + mu)); return s; };
// Golden-section search on log k over [1e-3, 1e9] (the profile likelihood is unimodal in k here).
function mle(y) {
  const mu = y.reduce((a, b) => a + b, 0) / y.length;
  let a = Math.log(1e-3), b = Math.log(1e9);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 120; i++) { const c = b - g * (b - a), d = a + g * (b - a); if (ll(y, mu, Math.exp(c)) > ll(y, mu, Math.exp(d))) b = d; else a = c; }
  return Math.exp((a + b) / 2);
}
const cases = [[2700, 2700, 12], [2700, 2700, 36], [1000, 500, 12], [1000, 500, 24], [300, 100, 12], [300, 100, 24], [2700, 40, 12], [2700, 40, 36], [200, 10, 12], [200, 10, 24], [20, 5, 12]];
for (const [leads, K, n] of cases) {
  const moments = [], dfMinus2 = [], ml = [];
  for (let s = 0; s < S; s++) {
    const nb = negativeBinomial(createStream(`rv-k/${leads}/${K}/${n}/${s}`));
    const y = Float64Array.from({ length: n }, (_, i) => nb(leads * (n >= 24 ? SEASON[i % 12] : 1), K));
    const L = fitLeadVolume(y);
    if (!L.k) continue;
    const { chiSquare, df, phi } = L.dispersion;
    const meanMu = L.k.value * (phi - 1);
    moments.push(L.k.value);
    dfMinus2.push(meanMu / (chiSquare / Math.max(1, df - 2) - 1));
    if (n < 24) ml.push(Math.min(mle(y), 1e7));
  }
  console.log(`${leads} leads k ${K} ${n} months φ ${(1 + leads / K).toFixed(1)} rejected ${moments.length}/${S}: moments ${show(ms(moments), K)}  df−2 ${show(ms(dfMinus2), K)}  ML ${ml.length ? show(ms(ml), K) : '-'}`);
}
