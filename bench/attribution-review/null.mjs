// Kept from the nineteenth session's attribution review (fixatt19): run with BASE_DIST=<a build of 7791384>/dist [NEW_DIST=dist]; see bench/RESULTS.md.
// A driver with no effect beside a real scenario's revenue: a uniform independent of everything, truth 0.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const B = {};
for (const [tag, dist] of [['base', (process.env.BASE_DIST ?? 'base-dist-not-given')], ['new', resolve(process.env.NEW_DIST ?? 'dist')]]) {
  B[tag] = { ...(await import(pathToFileURL(resolve(dist, 'analysis/attribution/first-order.js')).href)), ...(await import(pathToFileURL(resolve(dist, 'analysis/attribution/input.js')).href)) };
}
const { loadScenario } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'scenario/load.js')).href);
const { simulate } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'engine/simulate.js')).href);
const { createStream } = await import(pathToFileURL(resolve(process.env.NEW_DIST ?? 'dist', 'random/source.js')).href);
const [scen, n, R] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const sc = await loadScenario(resolve(resolve('scenarios'), scen));
const sim = await simulate(sc, { trials: n * R, seed: 11, workers: 0 });
const rev = Float64Array.from(sim.store.column('revenue'));
const acc = { base: [], new: [] };
const s = createStream('rv-att19-null');
for (let r = 0; r < R; r++) {
  const y = rev.subarray(r * n, (r + 1) * n);
  const u = Float64Array.from({ length: n }, () => s());
  for (const tag of ['base', 'new']) acc[tag].push(B[tag].firstOrderShares(y, [B[tag].prepareInput(u, 'own')]).shares[0]);
}
console.log(`${scen}: a no-effect input beside revenue, ${n} trials x ${R} disjoint chunks`);
for (const tag of ['base', 'new']) {
  const v = acc[tag].map((e) => e.value), m = v.reduce((p, q) => p + q) / R, sd = Math.sqrt(v.reduce((p, q) => p + (q - m) ** 2, 0) / (R - 1));
  const cov = acc[tag].filter((e) => e.interval[0] <= 0 && 0 <= e.interval[1]).length;
  const hw = acc[tag].reduce((p, e) => p + (e.interval[1] - e.interval[0]) / 2, 0) / R;
  console.log(`  ${tag}: covers 0 in ${cov}/${R}, mean ${(100 * m).toFixed(3)}, sd ${(100 * sd).toFixed(3)}, mean half-width ${(100 * hw).toFixed(2)} pts, max |value| ${(100 * Math.max(...v.map(Math.abs))).toFixed(2)}`);
}
