// fit's estimators on histories of every length it takes (12, 13, 24, 25, 36 months), 400 seeds each:
// negative-binomial leads (k = 40; seasonal from 24 months), a beta-binomial conversion across months
// (Beta(60, 1940): rate 3%, rho = 1/2001), lognormal deals (median 11,000, sigma 0.6). Prints how
// often each 95% interval holds its truth (binomial SE at 400 seeds: 1.1 points), how often the
// negative binomial is chosen, the mean of k and of rho against their truths, and the seasonal weights'
// coverage (lowest and highest of the 12). Needs `npm run build`: [SEEDS=2000] node bench/fit-recovery-shapes.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { beta, binomial, createStream, lognormal, negativeBinomial } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const { fitConversion } = await import(`${dist}/fit/conversion.js`);
const { fitAcvFromDeals } = await import(`${dist}/fit/acv.js`);
const S = Number(process.env.SEEDS ?? 400);
const SEASON = [0.9, 0.9, 1.0, 1.0, 0.95, 0.85, 0.85, 1.0, 1.05, 1.1, 1.2, 1.2];
const MEAN12 = SEASON.reduce((a, b) => a + b, 0) / 12;
const LEADS = 2700, K = 40, A = 60, B = 1940, MU = Math.log(11000), SIGMA = 0.6;
const inside = (e, t) => e !== undefined && e.lo <= t && t <= e.hi;
const pct = (x) => `${((100 * x) / S).toFixed(1)}%`;
console.log('months  level   k chosen  k inside  mean k (40)  conversion  mean rho (0.000500)  ACV median  ACV sigma  seasonal weights');
for (const n of [12, 13, 24, 25, 36]) {
  const hits = { level: 0, nb: 0, k: 0, conv: 0, median: 0, sigma: 0 };
  const season = new Array(12).fill(0);
  let kSum = 0, rhoSum = 0;
  for (let s = 0; s < S; s++) {
    const nb = negativeBinomial(createStream(`shapes/${n}/${s}/leads`));
    const rate = beta(createStream(`shapes/${n}/${s}/rate`));
    const bin = binomial(createStream(`shapes/${n}/${s}/deals`));
    const acv = lognormal(createStream(`shapes/${n}/${s}/acv`));
    const leads = new Float64Array(n), deals = new Float64Array(n), amounts = [], months = [];
    for (let i = 1; i <= n; i++) {
      // Fiscal month of history month i: the history ends the month before the fitted year.
      const f = (((i - n - 1) % 12) + 12) % 12;
      leads[i - 1] = nb(LEADS * (n >= 24 ? SEASON[f] : 1), K);
      deals[i - 1] = bin(leads[i - 1], rate(A, B));
      for (let d = 0; d < deals[i - 1]; d++) { amounts.push(acv(MU, SIGMA)); months.push(i); }
    }
    const L = fitLeadVolume(leads);
    const truthLevel = n >= 24 ? LEADS * MEAN12 : LEADS;
    if (inside(L.level, truthLevel)) hits.level++;
    if (L.k) { hits.nb++; kSum += L.k.value; if (inside(L.k, K)) hits.k++; }
    if (L.seasonality) for (let f = 0; f < 12; f++) if (inside(L.seasonality[f], SEASON[f] / MEAN12)) season[f]++;
    const C = fitConversion(leads, deals);
    rhoSum += C.rho;
    if (inside(C.rate, A / (A + B))) hits.conv++;
    const acvFit = fitAcvFromDeals(amounts, months, n);
    if (inside(acvFit.median, Math.exp(MU))) hits.median++;
    if (inside(acvFit.sigma, SIGMA)) hits.sigma++;
  }
  const seasonText = n >= 24 ? `${pct(Math.min(...season))} to ${pct(Math.max(...season))}` : '-';
  console.log(`${String(n).padStart(6)}  ${pct(hits.level).padStart(6)}  ${pct(hits.nb).padStart(8)}  ${pct(hits.k).padStart(8)}  ${(kSum / hits.nb).toFixed(1).padStart(11)}  ${pct(hits.conv).padStart(10)}  ${(rhoSum / S).toFixed(6).padStart(19)}  ${pct(hits.median).padStart(10)}  ${pct(hits.sigma).padStart(9)}  ${seasonText}`);
}
