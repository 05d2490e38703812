#!/usr/bin/env node
// Measure: what a first-order share reads when the input is correlated with the market factor, as a
// re-forecast's learned drivers are (the posterior ties them), on a closed form. Y = a Z + b E +
// s eps, (Z, E) standard normal with correlation rho, eps independent. Then, with V = Var(Y) =
// a² + b² + 2 a b rho + s²:
//   first-order   S_E = Var(E[Y | E]) / V = (b + a rho)² / V   (what arrcast reports: the variance
//                 that knowing E would remove; it includes what E tells of Z);
//   own effect    T_E = E[Var(Y | Z)] / V = b² (1 - rho²) / V  (the total-order index: what is left
//                 to E once the market is known; the share with E's draws made uncorrelated with Z);
//   Shapley       Sh_E = (S_E + T_E) / 2 (two inputs), shares that add up to 1 - s² / V.
// Usage, after `npm run build`: node bench/reforecast-share-correlation.mjs [TRIALS] [SEED]
import { createStream } from '../dist/random/source.js';
import { firstOrderShares, prepareInput } from '../dist/index.js';

const n = Number(process.argv[2] ?? 20000);
const stream = createStream(`share-correlation/${process.argv[3] ?? '1'}`);
const normal = () => {
  // Box-Muller on the seeded stream (1 - u keeps the logarithm finite).
  const u = 1 - stream();
  const v = stream();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
const f = (x) => `${(100 * x).toFixed(1)}%`.padStart(6);
console.log(`${n} trials; shares of Y = a Z + b E + s eps, (Z, E) correlated rho; measured (closed form)`);
console.log('  a     b     s    rho   | Z first-order   | E first-order   | E own effect | E Shapley | 1 - sum (luck s²/V)');
for (const [a, b, s] of [
  [0.707, 0.316, 0.632],
  [0.5, 0.5, 0.707],
]) {
  for (const rho of [0, -0.1, -0.2, -0.3]) {
    const z = new Float64Array(n);
    const e = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      z[i] = normal();
      e[i] = rho * z[i] + Math.sqrt(1 - rho * rho) * normal();
      y[i] = a * z[i] + b * e[i] + s * normal();
    }
    const r = firstOrderShares(y, [prepareInput(z, 'market'), prepareInput(e, 'own')]);
    const V = a * a + b * b + 2 * a * b * rho + s * s;
    const sz = (a + b * rho) ** 2 / V;
    const se = (b + a * rho) ** 2 / V;
    const te = (b * b * (1 - rho * rho)) / V;
    console.log(
      `${a.toFixed(3)} ${b.toFixed(3)} ${s.toFixed(3)} ${rho.toFixed(1).padStart(4)}  | ${f(r.shares[0].value)} (${f(sz)}) | ${f(r.shares[1].value)} (${f(se)}) | ${f(te)}       | ${f((se + te) / 2)}    | ${f(r.unexplained.value)} (${f((s * s) / V)})`,
    );
  }
}
