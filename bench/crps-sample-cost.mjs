// CPU cost of one sample CRPS (scoring/crps.ts) against the energy form it replaced (the same
// O(n) pass over a sorted sample, two sums), at revenue-sized values (120M ± 5M), and each form's
// rounding against the exact energy form of the same doubles, computed in BigInt (every value
// here is a multiple of 2^-26, being in [2^26, 2^27): scaled by 2^26 they are whole).
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

/** The energy form in exact integers: (m Σ|X − Y| − Σ (2i − m − 1) X_i) / (m² 2^26), X = x 2^26. */
function exactEnergyCrps(sorted, y) {
  const scale = 2 ** 26;
  const whole = (v) => {
    if (!(v >= scale && v < 2 * scale)) throw new RangeError(`${v} is outside [2^26, 2^27): not a multiple of 2^-26 for sure`);
    return BigInt(v * scale); // exact: v * 2^26 is a whole number below 2^53
  };
  const m = BigInt(sorted.length);
  const Y = whole(y);
  let absError = 0n;
  let spread = 0n;
  for (let i = 0; i < sorted.length; i++) {
    const X = whole(sorted[i]);
    absError += X > Y ? X - Y : Y - X;
    spread += (2n * BigInt(i + 1) - m - 1n) * X;
  }
  return Number(m * absError - spread) / Number(m * m * BigInt(scale));
}
const exact = exactEnergyCrps(xs, y);
const [energy, gaps] = [energyCrps(xs, y), sampleCrps(xs, y)];
console.log(`values: exact (BigInt) ${exact}, energy ${energy} (${Math.abs(energy - exact) / exact} relative), gaps ${gaps} (${Math.abs(gaps - exact) / exact} relative)`);
