// How often the 95% interval of the mean of the worst 5% (10%) holds the true mean, by trial count.
// Usage: node bench/decisions/shortfall-coverage.mjs [DIST] [REPLICATIONS]  (DIST: a build, default dist)
// Draws: N(0, 1) from the build's seeded stream 'bench/shortfall-coverage'; truth: ES_a = -phi(z_a) / a.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] ?? 'dist');
const replications = Number(process.argv[3] ?? 4000);
const { expectedShortfallEstimate } = await import(pathToFileURL(`${dist}/analysis/shortfall.js`).href);
const { createStream, normal } = await import(pathToFileURL(`${dist}/random/index.js`).href);
const draw = normal(createStream('bench/shortfall-coverage'));
const z = { 0.05: -1.6448536269514722, 0.1: -1.2815515655446004 };
console.log('share  trials  tail  given  held  (coverage of the intervals given)');
for (const a of [0.05, 0.1]) {
  const exact = -Math.exp(-(z[a] ** 2) / 2) / Math.sqrt(2 * Math.PI) / a;
  for (const n of [21, 50, 100, 200, 400, 490, 491, 980, 981, 2000]) {
    const x = new Float64Array(n);
    let given = 0;
    let held = 0;
    for (let r = 0; r < replications; r++) {
      for (let i = 0; i < n; i++) x[i] = draw(0, 1);
      const { interval } = expectedShortfallEstimate(x, a);
      if (interval === null) continue;
      given++;
      if (interval[0] <= exact && exact <= interval[1]) held++;
    }
    console.log(`${a}  ${n}  ${Math.ceil(a * n)}  ${given}  ${given ? ((100 * held) / given).toFixed(1) + '%' : '-'}`);
  }
}
