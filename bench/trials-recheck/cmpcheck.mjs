import { readFileSync } from 'node:fs';
import { readTrials, pct, mean, parseMoney, parsePct, agree, done } from './lib.mjs';
const [txt, ta, tb] = process.argv.slice(2);
const A = readTrials(ta), B = readTrials(tb);
const METRIC = { 'Recognized revenue': 'revenue', Bookings: 'bookings', 'Ending ARR': 'endingArr' };
let metric = null;
for (const line of readFileSync(txt, 'utf8').split('\n')) {
  const mh = /^(Recognized revenue|Bookings|Ending ARR) \(/.exec(line); if (mh) { metric = METRIC[mh[1]]; continue; }
  if (!line.trim()) { metric = null; continue; }
  if (!metric) continue;
  const m = /^\s*(?:(.*): )?(B - A, per trial|B - A|A|B)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(\S+%) \[(\S+), (\S+)\])?$/.exec(line);
  if (!m) continue;
  const col = m[1] ? `tier.${m[1]}.${metric}` : metric;
  let xs;
  if (m[2] === 'A') xs = A[col]; else if (m[2] === 'B') xs = B[col]; else xs = A[col].map((a, i) => B[col][i] - a);
  const what = `${metric} ${m[1] ?? 'all'} ${m[2]}`;
  agree(parseMoney(m[3]), mean(xs), what + ' mean');
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
  agree(parseMoney(m[4]), sd / Math.sqrt(xs.length), what + ' se', 1e-4);
  agree(parseMoney(m[5]), pct(xs, 0.1), what + ' p10'); agree(parseMoney(m[6]), pct(xs, 0.5), what + ' p50'); agree(parseMoney(m[7]), pct(xs, 0.9), what + ' p90');
  if (m[8]) agree(parsePct(m[8]), xs.filter((d) => d < 0).length / xs.length, what + ' P(X<A)');
}
done();
