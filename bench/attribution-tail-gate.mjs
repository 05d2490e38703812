// How often firstOrderShares refines an input's tails (tailsCurve: an F-test per halving at 1e-4 over
// their number), by case and trial count, over seeded repeats: the rule's false alarms where the
// metric is linear in its tails, and its power where it curves.
// Usage: node bench/attribution-tail-gate.mjs [repeats=200] (after npm run build)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = resolve(new URL('.', import.meta.url).pathname, '../dist');
const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
const { prepareInput } = await load('analysis/attribution/input.js');
const { tailBins } = await load('analysis/attribution/tail-bins.js');
const { tailsCurve } = await load('analysis/attribution/tail-curvature.js');
const { createStream } = await load('random/source.js');
const { standardNormal } = await load('random/normal.js');
const R = Number(process.argv[2] ?? 200);
const cases = {
  'no effect (uniform beside a normal metric)': (z, u, e) => e,
  'linear, noise e^(1.5 z) (Y = z + 0.3 e^(1.5 z) eps)': (z, u, e) => z + 0.3 * Math.exp(1.5 * z) * e,
  'linear, lognormal noise sigma 1.5 (Y = z + e^(1.5 eps))': (z, u, e) => z + Math.exp(1.5 * e),
  'e^(0.5 z) + eps, share 50%': (z, u, e) => Math.exp(0.5 * z) + Math.sqrt(Math.exp(0.5) - Math.exp(0.25)) * e,
  'e^(1 z) + eps, share 50%': (z, u, e) => Math.exp(z) + Math.sqrt(Math.exp(2) - Math.exp(1)) * e,
  'e^(2 z) + eps, share 99%': (z, u, e) => Math.exp(2 * z) + Math.sqrt((Math.exp(8) - Math.exp(4)) / 99) * e,
};
console.log(`case | trials | refined in (of ${R} seeds)`);
for (const [name, f] of Object.entries(cases)) {
  for (const n of [2_000, 20_000]) {
    const reps = n > 2_000 ? Math.ceil(R / 4) : R;
    let fired = 0;
    for (let r = 0; r < reps; r++) {
      const s = createStream(`tail-gate-${name}-${n}-${r}`);
      const N = standardNormal(s);
      const z = new Float64Array(n), y = new Float64Array(n);
      for (let i = 0; i < n; i++) { z[i] = N(); y[i] = f(z[i], 0, N()); }
      // The no-effect case tests a uniform input the metric does not depend on.
      const x = name.startsWith('no effect') ? Float64Array.from({ length: n }, () => s()) : z;
      const input = prepareInput(x, name.startsWith('no effect') ? 'own' : 'market');
      const mean = y.reduce((a, b) => a + b, 0) / n;
      const yc = Float64Array.from(y, (v) => v - mean);
      if (tailsCurve(input, tailBins(input.bin, input.bins, input.order, new Uint16Array(n)), yc)) fired++;
    }
    console.log(`${name} | ${n} | ${fired}/${reps}`);
  }
}
