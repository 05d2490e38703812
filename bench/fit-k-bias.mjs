// The negative binomial's k that fit writes, over simulated histories of known k: the mean fitted k
// with its standard error (SE of the mean over the seeds where Poisson was rejected), beside the
// plain moment estimator mean(μ) / (X²/df − 1) (fit's until December 2026, computed from the fit's
// own fields), and how often k's 95% interval holds the truth. Seasonal from 24 months (the
// pattern of bench/fit-recovery-shapes.mjs). Where few counts make the test reject in only some
// seeds, the mean is over those (a selection: k's mean there is not the estimator's alone).
// Needs `npm run build`: [SEEDS=2000] node bench/fit-k-bias.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { negativeBinomial, createStream } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const S = Number(process.env.SEEDS ?? 2000);
const SEASON = [0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2];
const meanSe = (xs) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return [m, sd / Math.sqrt(xs.length)];
};
const show = ([m, se], truth) => `${m.toFixed(2)} ± ${se.toFixed(2)} (${((m - truth) / se).toFixed(1)} SE)`;
console.log('leads/month  k  months  rejected  fitted k (mean ± SE, bias in SE)  plain moments  k inside 95%');
for (const [leads, K] of [[2700, 40], [200, 10], [20, 5]]) {
  for (const n of [12, 13, 24, 25, 36]) {
    const fitted = [], plain = [];
    let inside = 0;
    for (let s = 0; s < S; s++) {
      const nb = negativeBinomial(createStream(`k-bias/${leads}/${n}/${s}`));
      const counts = Float64Array.from({ length: n }, (_, i) => nb(leads * (n >= 24 ? SEASON[(((i - n) % 12) + 12) % 12] : 1), K));
      const L = fitLeadVolume(counts);
      if (!L.k) continue;
      const { chiSquare, df, phi } = L.dispersion;
      const meanMu = L.k.value * (chiSquare / Math.max(1, df - 2) - 1);
      fitted.push(L.k.value);
      plain.push(meanMu / (phi - 1));
      if (L.k.lo <= K && K <= L.k.hi) inside++;
    }
    console.log(`${String(leads).padStart(11)} ${String(K).padStart(2)} ${String(n).padStart(7)}  ${String(fitted.length).padStart(8)}  ${show(meanSe(fitted), K).padStart(32)}  ${show(meanSe(plain), K).padStart(24)}  ${((100 * inside) / fitted.length).toFixed(1)}%`);
  }
}
