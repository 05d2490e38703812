// Coverage of fit's stated 95% intervals near the boundary and of the contraction share, over
// 2,000 seeds (the tests in test/fit/zero-variance.test.ts and book-share.test.ts run fewer). Needs
// `npm run build`; an optional argument names another build directory to compare (a copy of dist):
//   node bench/fit-coverage.mjs [DIST]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)).href;
const { binomial, beta, createStream } = await import(`${dist}/random/index.js`);
const { fitLeadVolume } = await import(`${dist}/fit/lead-volume.js`);
const { fitRenewal, fitRenewalFromOutcomes } = await import(`${dist}/fit/renewal.js`);
const share = await import(`${dist}/fit/book-share.js`).catch(() => undefined);
const S = 2000;
const inside = (e, truth) => e.lo <= truth && truth <= e.hi;
const coverage = (label, one) => {
  let hits = 0;
  for (let s = 0; s < S; s++) if (one(s)) hits++;
  console.log(`${label}: ${((100 * hits) / S).toFixed(1)}%`);
};
coverage('dollar renewal 0.99, 3 customers due a month, 12 months', (s) => {
  const draw = binomial(createStream(`scan-r/${s}`));
  const due = new Float64Array(12).fill(30_000);
  return inside(fitRenewal(due, due.map(() => draw(3, 0.99) * 10_000)).rate, 0.99);
});
coverage('dollar renewal 0.99 from 40 customers\' outcomes', (s) => {
  const draw = binomial(createStream(`scan-o/40/0.99/${s}`));
  const arr = Array.from({ length: 40 }, (_, i) => 5_000 + 1_000 * (i % 5));
  return inside(fitRenewalFromOutcomes(arr, arr.map(() => draw(1, 0.99) === 1), []).rate, 0.99);
});
coverage('leads 40 + Bernoulli(0.05) a month', (s) => {
  const draw = binomial(createStream(`scan-l/0.05/${s}`));
  return inside(fitLeadVolume(Float64Array.from({ length: 12 }, () => 40 + draw(1, 0.05))).level, 40.05);
});
if (share)
  coverage('contraction share 2.5% (40 renewing a month, p 0.1, size Beta(2, 6), 24 months)', (s) => {
    const count = binomial(createStream(`share/${s}/count`));
    const size = beta(createStream(`share/${s}/size`));
    const lost = Float64Array.from({ length: 24 }, () => {
      let sum = 0;
      for (let k = count(40, 0.1); k > 0; k--) sum += size(2, 6) * 10_000;
      return sum;
    });
    return inside(share.fitBookShare(lost, new Float64Array(24).fill(400_000), 'contraction').share, 0.025);
  });
else console.log('contraction share: not fitted by this build');
