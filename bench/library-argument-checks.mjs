// CPU cost of the library's up-front argument checks (src/api/checked-exports.ts): the same calls
// through the checked export and through the function itself. Run after `npm run build`:
//   node bench/library-argument-checks.mjs
import * as library from '../dist/index.js';
import { describe as rawDescribe } from '../dist/analysis/describe.js';
import { pinballLoss as rawPinball } from '../dist/scoring/pinball.js';

const cpu = (f, n) => {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / n;
};
const typed = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e6);
const plain = Array.from(typed);
const rows = [
  ['describe(Float64Array of 100,000)', () => library.describe(typed), () => rawDescribe(typed), 40],
  ['describe(number[] of 100,000)', () => library.describe(plain), () => rawDescribe(plain), 40],
  ['pinballLoss(q, y, tau)', () => library.pinballLoss(1, 2, 0.5), () => rawPinball(1, 2, 0.5), 200_000],
];
for (const [name, checked, raw, n] of rows) {
  cpu(checked, Math.ceil(n / 4));
  cpu(raw, Math.ceil(n / 4));
  // Alternated, in halves, so that neither side has the warmer heap.
  const r1 = cpu(raw, n / 2), c1 = cpu(checked, n / 2), c2 = cpu(checked, n / 2), r2 = cpu(raw, n / 2);
  const c = (c1 + c2) / 2, r = (r1 + r2) / 2;
  console.log(`${name}: checked ${c.toFixed(2)} us, unchecked ${r.toFixed(2)} us of CPU a call (+${(c - r).toFixed(2)} us)`);
}
