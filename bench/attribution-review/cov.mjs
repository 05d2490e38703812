// Kept from the nineteenth session's attribution review (fixatt19): run with BASE_DIST=<a build of 7791384>/dist [NEW_DIST=dist]; see bench/RESULTS.md.
// Coverage of firstOrderShares' 95% interval over seeded repeats, new vs base build, on curved cases the branch's tests do not use.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const builds = {};
for (const [tag, dist] of [['base', (process.env.BASE_DIST ?? 'base-dist-not-given')], ['new', resolve(process.env.NEW_DIST ?? 'dist')]]) {
  const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
  builds[tag] = { ...(await load('analysis/attribution/first-order.js')), ...(await load('analysis/attribution/input.js')) };
}
const { createStream } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'random/source.js')).href);
const { standardNormal } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'random/normal.js')).href);
const reps = Number(process.env.REPS ?? 400);
const only = process.env.CASES?.split(',');
// Each case: draw(n, stream) -> { x, kind, y, extra? }, truth.
const cases = {
  // Mirror of the branch's test: curvature at the LOW end of the input (e^(20 (1 - U))).
  lowTail: { n: 2000, truth: 0.9, draw(n, s, N) {
    const c = 20, between = (Math.exp(2 * c) - 1) / (2 * c) - ((Math.exp(c) - 1) / c) ** 2, sigma = Math.sqrt(between / 9);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.exp(c * (1 - x[i])) + sigma * N(); }
    return { x, kind: 'own', y };
  } },
  // Lognormal market curvature with a moderate share: Y = e^(2 z) + sigma eps, truth 50%.
  convexHalf: { n: 2000, truth: 0.5, draw(n, s, N) {
    const b = 2, between = Math.exp(2 * b * b) - Math.exp(b * b), sigma = Math.sqrt(between);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = Math.exp(b * x[i]) + sigma * N(); }
    return { x, kind: 'market', y };
  } },
  // Same at 20,000 trials.
  convexHalf20k: { n: 20000, truth: 0.5, draw(n, s, N) { return cases.convexHalf.draw(n, s, N); } },
  // Both tails: Y = sinh(2.5 z) + sigma eps, truth 90%. Var(sinh(bz)) = (e^(2b²) - 1) / 2.
  sinh: { n: 2000, truth: 0.9, draw(n, s, N) {
    const b = 2.5, between = (Math.exp(2 * b * b) - 1) / 2, sigma = Math.sqrt(between / 9);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = Math.sinh(b * x[i]) + sigma * N(); }
    return { x, kind: 'market', y };
  } },
  // Heteroscedastic noise that grows in the tail: Y = e^(1.5 z) (1 + 0.5 eps): E[Y|z] = e^(1.5z), Var(Y|z) = 0.25 e^(3z).
  // Var(E) = e^(4.5) - e^(2.25); E[Var(Y|z)] = 0.25 e^(4.5).
  hetero: { n: 2000, truth: (Math.exp(4.5) - Math.exp(2.25)) / (Math.exp(4.5) - Math.exp(2.25) + 0.25 * Math.exp(4.5)), draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = Math.exp(1.5 * x[i]) * (1 + 0.5 * N()); }
    return { x, kind: 'market', y };
  } },
  // A driver with no effect beside heavy-tailed Y (lognormal noise): truth 0.
  nullHeavy: { n: 2000, truth: 0, draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.exp(1.5 * N()); }
    return { x, kind: 'own', y };
  } },
  nullGauss: { n: 2000, truth: 0, draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = N(); }
    return { x, kind: 'own', y };
  } },
  // Discrete driver with a 2% atom at its minimum (bin 0 all one value): Y = 10 D + eps, D = 0 (2%), 1 (58%), 2 (40%).
  atom: { n: 20000, truth: (() => { const m = 0.58 + 0.8, v = 0.58 + 1.6 - m * m; return 100 * v / (100 * v + 1); })(), draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { const p = s(); x[i] = p < 0.02 ? 0 : p < 0.6 ? 1 : 2; y[i] = 10 * x[i] + N(); }
    return { x, kind: 'own', y };
  } },

  nullHeavy20k: { n: 20000, truth: 0, draw(n, s, N) { return cases.nullHeavy.draw(n, s, N); } },
  nullHeavy50k: { n: 50000, truth: 0, draw(n, s, N) { return cases.nullHeavy.draw(n, s, N); } },
  nullLogn05: { n: 2000, truth: 0, draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.exp(0.5 * N()); }
    return { x, kind: 'own', y };
  } },
  nullLogn05_20k: { n: 20000, truth: 0, draw(n, s, N) { return cases.nullLogn05.draw(n, s, N); } },
  hetero20k: { n: 20000, truth: (Math.exp(4.5) - Math.exp(2.25)) / (Math.exp(4.5) - Math.exp(2.25) + 0.25 * Math.exp(4.5)), draw(n, s, N) { return cases.hetero.draw(n, s, N); } },
  convexB1: { n: 2000, truth: (Math.exp(2) - Math.exp(1)) / (2 * (Math.exp(2) - Math.exp(1))), draw(n, s, N) {
    const b = 1, between = Math.exp(2 * b * b) - Math.exp(b * b), sigma = Math.sqrt(between);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = Math.exp(b * x[i]) + sigma * N(); }
    return { x, kind: 'market', y };
  } },
  convexB1_640: { n: 640, truth: 0.5, draw(n, s, N) { return cases.convexB1.draw(n, s, N); } },
  convexB1_20k: { n: 20000, truth: 0.5, draw(n, s, N) { return cases.convexB1.draw(n, s, N); } },
  uniform40half: { n: 2000, truth: 0.5, draw(n, s, N) {
    const c = 40, between = (Math.exp(2 * c) - 1) / (2 * c) - ((Math.exp(c) - 1) / c) ** 2, sigma = Math.sqrt(between);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.exp(c * x[i]) + sigma * N(); }
    return { x, kind: 'own', y };
  } },
  uniform20_99: { n: 2000, truth: 0.99, draw(n, s, N) {
    const c = 20, between = (Math.exp(2 * c) - 1) / (2 * c) - ((Math.exp(c) - 1) / c) ** 2, sigma = Math.sqrt(between / 99);
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.exp(c * x[i]) + sigma * N(); }
    return { x, kind: 'own', y };
  } },
  uniform20_640: { n: 640, truth: 0.9, draw(n, s, N) { return cases.lowTail.draw(n, s, N); } },

  heteroLinear: { n: 20000, truth: 1 / (1 + 0.09 * Math.exp(4.5)), draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = x[i] + 0.3 * Math.exp(1.5 * x[i]) * N(); }
    return { x, kind: 'market', y };
  } },
  heteroLinearMild: { n: 20000, truth: 1 / (1 + 0.25 * Math.exp(0.5)), draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = x[i] + 0.5 * Math.exp(0.5 * x[i]) * N(); }
    return { x, kind: 'market', y };
  } },

  kink: { n: 50000, truth: (() => { let m = 0, q = 0; const h = 1e-4; for (let z = -9; z < 9; z += h) { const w = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * h, f = Math.min(z, 0.1); m += w * f; q += w * f * f; } const v = q - m * m; return v / (v + 0.01); })(), draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = N(); y[i] = Math.min(x[i], 0.1) + 0.1 * N(); }
    return { x, kind: 'market', y };
  } },
  // Interior feature the tails' bins do not reach: Y = sin(2 pi 6 U) + eps, truth = 0.5 / (0.5 + 0.25).
  interior: { n: 50000, truth: 0.5 / 0.75, draw(n, s, N) {
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = s(); y[i] = Math.sin(2 * Math.PI * 6 * x[i]) + 0.5 * N(); }
    return { x, kind: 'own', y };
  } },
};
for (const [name, c] of Object.entries(cases)) {
  if (only && !only.includes(name)) continue;
  const R = c.n >= 20000 ? Math.min(reps, Number(process.env.REPS_BIG ?? 100)) : reps;
  const acc = { base: { cov: 0, v: [], se: [] }, new: { cov: 0, v: [], se: [] } };
  for (let r = 0; r < R; r++) {
    const s = createStream(`rv-att19-${name}-${r}`);
    const N = standardNormal(s);
    const { x, kind, y } = c.draw(c.n, s, N);
    for (const tag of ['base', 'new']) {
      const B = builds[tag];
      const e = B.firstOrderShares(y, [B.prepareInput(x, kind)]).shares[0];
      if (e.interval[0] <= c.truth && c.truth <= e.interval[1]) acc[tag].cov++;
      acc[tag].v.push(e.value); acc[tag].se.push(e.standardError);
    }
  }
  const line = (tag) => {
    const a = acc[tag], m = a.v.reduce((p, q) => p + q, 0) / R, sd = Math.sqrt(a.v.reduce((p, q) => p + (q - m) ** 2, 0) / (R - 1));
    const mse = a.se.reduce((p, q) => p + q, 0) / R;
    return `${tag}: covers ${a.cov}/${R} (${(100 * a.cov / R).toFixed(1)}%), bias ${(100 * (m - c.truth)).toFixed(3)} (±${(100 * sd / Math.sqrt(R)).toFixed(3)}), sd ${(100 * sd).toFixed(3)}, mean SE ${(100 * mse).toFixed(3)} pts`;
  };
  console.log(`${name} n=${c.n} truth ${(100 * c.truth).toFixed(3)}% (binomial SE of 95% over ${R}: ${(100 * Math.sqrt(0.0475 / R)).toFixed(1)} pts)\n  ${line('base')}\n  ${line('new')}`);
}
