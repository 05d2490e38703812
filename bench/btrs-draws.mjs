#!/usr/bin/env node
// ns per binomial draw by BTRS at the example's (n, p) (bench/RESULTS.md, eighteenth session): two builds'
// Binomial in one process, rounds alternating, the median of the paired ratios. Every (n, p) below has
// n min(p, 1 - p) >= 10 (BTRS); p moves a little each round as a trial's drawn rate would, and n from draw
// to draw among n..n + 3 as a month's count does (so the constants of each (n, p) are computed again). Usage:
//   node bench/btrs-draws.mjs BEFORE_DIST [AFTER_DIST] [--rounds R]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const rounds = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 30;
const [before, after = 'dist'] = args;
if (!before) throw new Error('usage: node bench/btrs-draws.mjs BEFORE_DIST [AFTER_DIST] [--rounds R]');
// The example's BTRS sites (counted in a copy of dist): a window split's lag (n e about 25), a month's
// deals (61), the aggregate book's renewals (18), contraction and expansion counts (12, 14).
const CASES = [
  [62, 0.4],
  [2000, 0.03],
  [125, 0.14],
  [100, 0.12],
  [99, 0.14],
  [60, 0.6],
];
const DRAWS = 2000;

async function sampler(dist) {
  const url = pathToFileURL(resolve(dist)).href;
  const { Binomial } = await import(`${url}/random/binomial.js`);
  const { createStream } = await import(`${url}/random/source.js`);
  const b = new Binomial(createStream('bench/btrs-draws'));
  return (round) => {
    let s = 0;
    const start = process.cpuUsage();
    for (const [n, p] of CASES) {
      b.setP(p * (1 + 0.01 * (round % 7)));
      for (let i = 0; i < DRAWS; i++) s += b.draw(n + (i & 3));
    }
    const used = process.cpuUsage(start);
    if (s < 0) console.log(s);
    return ((used.user + used.system) * 1000) / (CASES.length * DRAWS);
  };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const a = await sampler(before);
const b = await sampler(after);
for (let w = 0; w < 5; w++) a(w), b(w);
const ta = [];
const tb = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) (ta.push(a(r)), tb.push(b(r)));
  else (tb.push(b(r)), ta.push(a(r)));
}
const ratios = ta.map((x, i) => tb[i] / x);
console.log(
  `ns per BTRS draw: ${before} ${median(ta).toFixed(1)}, ${after} ${median(tb).toFixed(1)}; paired ratio median ${median(ratios).toFixed(3)} ` +
    `[${Math.min(...ratios).toFixed(3)}..${Math.max(...ratios).toFixed(3)}] over ${rounds} rounds`,
);
