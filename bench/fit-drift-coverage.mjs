// The fit's year-level layer for lead volume against drift between years, over 2,000 seeds a case:
// a random walk of the yearly level (log steps of sd tau), 36 months of negative-binomial leads, the
// fourth year's level the truth. Prints the mean fitted drift² (the estimator pools Σd² of the two
// year-on-year changes with the judgement τ0 = 0.15, so with tau = τ0 an unbiased one averages
// tau²), and how often the truth falls inside the written P10-P90 (nominal 80%). Beside it the
// same with the changes' sampling noise (2 se² each) taken out of Σd², computed from the fit's own
// fields: what that estimator would write. Needs `npm run build`:
//   node bench/fit-drift-coverage.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { normal, negativeBinomial, createStream } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const S = 2000;
const Z90 = 1.2815515655446004;
console.log('leads/month  k  tau   mean drift² (truth tau²)  noise-corrected  inside P10-P90  noise-corrected');
for (const [lead, k, tau] of [[20, 5, 0.15], [60, 15, 0.15], [2700, 40, 0.15], [60, 15, 0.05]]) {
  const step = normal(createStream(`drift-coverage/${lead}/${tau}`));
  let drift2 = 0, corrected2 = 0, inside = 0, insideCorrected = 0;
  for (let s = 0; s < S; s++) {
    const nb = negativeBinomial(createStream(`drift-coverage/${lead}/${tau}/${s}`));
    const levels = [lead];
    for (let y = 1; y < 4; y++) levels.push(levels[y - 1] * Math.exp(step(0, tau)));
    const counts = Float64Array.from({ length: 36 }, (_, i) => nb(levels[Math.floor(i / 12)], k));
    const { year, level } = fitLeadVolume(counts);
    const m = year.changes;
    const sumD2 = year.drift ** 2 * (m + 1) - year.prior ** 2;
    const corrected = (year.prior ** 2 + Math.max(0, sumD2 - 2 * m * year.standardError ** 2)) / (m + 1);
    const miss = Math.abs(Math.log(levels[3] / level.value));
    drift2 += year.drift ** 2 / S;
    corrected2 += corrected / S;
    if (miss <= Z90 * year.sd) inside++;
    if (miss <= Z90 * Math.sqrt(year.standardError ** 2 + corrected)) insideCorrected++;
  }
  console.log(`${String(lead).padStart(11)} ${String(k).padStart(2)} ${tau.toFixed(2)}   ${drift2.toFixed(4)} (${(tau * tau).toFixed(4)})          ${corrected2.toFixed(4)}           ${((100 * inside) / S).toFixed(1)}%           ${((100 * insideCorrected) / S).toFixed(1)}%`);
}
