// The sample CRPS (crps.ts) against the energy form and the mid-rank PIT against its count, on 3,000 random
// samples with ties and outcomes inside, at and beyond them. Needs `npm run build`: node bench/crps-energy-form.mjs
import { sampleCrps } from '../dist/scoring/crps.js';
import { midRankPit } from '../dist/scoring/pit.js';
let worst = 0, seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let t = 0; t < 3000; t++) {
  const n = 1 + Math.floor(rnd() * 30);
  const xs = Array.from({ length: n }, () => Math.floor(rnd() * 10) * (rnd() < 0.3 ? 1 : 1.5));
  const y = [Math.floor(rnd() * 14) - 2, xs[0], -100, 100][Math.floor(rnd() * 4)];
  let a = 0, b = 0;
  for (const x of xs) a += Math.abs(x - y);
  for (const x of xs) for (const z of xs) b += Math.abs(x - z);
  const energy = a / n - b / (2 * n * n);
  const s = Float64Array.from(xs).sort();
  const c = sampleCrps(s, y);
  worst = Math.max(worst, Math.abs(c - energy));
  // mid-rank PIT: (#<y + #<=y)/(2n)
  const lt = xs.filter((x) => x < y).length, le = xs.filter((x) => x <= y).length;
  const p = midRankPit(s, y);
  if (Math.abs(p - (lt + le) / (2 * n)) > 1e-15) console.log('pit', xs, y, p);
}
console.log('worst crps diff', worst);
