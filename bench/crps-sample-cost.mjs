// CPU cost of one sample CRPS (scoring/crps.ts) against the energy form it replaced (the same
// O(n) pass over a sorted sample, two sums), at revenue-sized values, and the two forms' rounding
// against the exact energy form (BigInt) on a tight forecast.
// Usage: node bench/crps-sample-cost.mjs [n=1000000] [reps=15]  (after npm run build)
import { sampleCrps } from '../dist/scoring/crps.js';

const n = Number(process.argv[2] ?? 1_000_000);
const reps = Number(process.argv[3] ?? 15);

/** The energy form as crps.ts computed it before December 2026. */
function energyCrps(sorted, y) {
  const m = sorted.length;
  let absError = 0;
  let spread = 0;
  for (let i = 0; i < m; i++) {
    const x = sorted[i];
    absError += Math.abs(x - y);
    spread += (2 * (i + 1) - m - 1) * x;
  }
  return absError / m - spread / (m * m);
}

// A deterministic sample: 120M plus a spread of about 5M (no Math.random: a fixed LCG).
let state = 12345;
const xs = new Float64Array(n);
for (let i = 0; i < n; i++) {
  state = (state * 1103515245 + 12345) % 2147483648;
  xs[i] = 120_000_000 + Math.round(((state / 2147483648) * 10_000_000 - 5_000_000) * 100) / 100;
}
xs.sort();
const y = 118_765_432.1;

function cpuPerCall(f) {
  const times = [];
  let sink = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = process.cpuUsage();
    sink += f(xs, y);
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(reps / 2)], sink };
}
const a = cpuPerCall(energyCrps);
const b = cpuPerCall(sampleCrps);
console.log(`n = ${n}, ${reps} calls each: energy form ${a.median.toFixed(2)} ms CPU a call (median), gaps form ${b.median.toFixed(2)} ms; ratio ${(b.median / a.median).toFixed(2)}`);
console.log(`values: energy ${energyCrps(xs, y)}, gaps ${sampleCrps(xs, y)}`);
