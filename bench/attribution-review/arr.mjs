// Kept from the nineteenth session's attribution review (fixatt19): run with BASE_DIST=<a build of 7791384>/dist [NEW_DIST=dist]; see bench/RESULTS.md.
// Coverage on arrcast's own curved model with moderate Poisson luck: leads (mean L) loaded b on the market.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const B = {};
for (const [tag, dist] of [['base', (process.env.BASE_DIST ?? 'base-dist-not-given')], ['new', resolve(process.env.NEW_DIST ?? 'dist')]]) B[tag] = await import(pathToFileURL(resolve(dist, 'analysis/attribution/first-order.js')).href);
const { parseScenario } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'scenario/parse.js')).href);
const { simulate } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'engine/simulate.js')).href);
const { attributionInputs } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'analysis/attribution/sim-inputs.js')).href);
const [b, L, n, R] = process.argv.slice(2).map(Number);
const [A, MU] = [10_000, 0.05];
const yaml = `name: c\nmarket:\n  loadings:\n    leads: ${b}\ntiers:\n  - name: T\n    newBusiness:\n      leadsPerMonth: { dist: poisson, mean: ${L} }\n      conversion: ${MU}\n      acv: ${A}\n`;
const k = 6.5 * L * A, between = k * k * MU * MU * (Math.exp(b * b) - 1), truth = between / (between + A * A * (650 / 144) * L * MU);
const acc = { base: [], new: [] };
const sc = parseScenario(yaml, 'c.yaml');
for (let r = 0; r < R; r++) {
  const sim = await simulate(sc, { trials: n, seed: 1000 + r, workers: 0 });
  const input = attributionInputs(sim).drivers[0].input;
  const y = Float64Array.from(sim.store.column('revenue')).subarray(0, input.x.length);
  for (const tag of ['base', 'new']) acc[tag].push(B[tag].firstOrderShares(y, [input]).shares[0]);
}
console.log(`b ${b}, L ${L}, ${n} trials, ${R} seeds: truth ${(100 * truth).toFixed(3)}%`);
for (const tag of ['base', 'new']) {
  const v = acc[tag].map((e) => e.value), m = v.reduce((p, q) => p + q) / R, sd = Math.sqrt(v.reduce((p, q) => p + (q - m) ** 2, 0) / (R - 1));
  const cov = acc[tag].filter((e) => e.interval[0] <= truth && truth <= e.interval[1]).length;
  const se = acc[tag].reduce((p, e) => p + e.standardError, 0) / R;
  console.log(`  ${tag}: covers ${cov}/${R} (${(100 * cov / R).toFixed(1)}%), bias ${(100 * (m - truth)).toFixed(3)} ± ${(100 * sd / Math.sqrt(R)).toFixed(3)}, sd ${(100 * sd).toFixed(3)}, mean SE ${(100 * se).toFixed(3)} pts`);
}
