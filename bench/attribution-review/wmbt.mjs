// Kept from the nineteenth session's attribution review (fixatt19): run with BASE_DIST=<a build of 7791384>/dist [NEW_DIST=dist]; see bench/RESULTS.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [scen, trials, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 7)];
for (const [tag, dist] of [['base', (process.env.BASE_DIST ?? 'base-dist-not-given')], ['new', resolve(process.env.NEW_DIST ?? 'dist')]]) {
  const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
  const { loadScenario } = await load('scenario/load.js');
  const { simulate } = await load('engine/simulate.js');
  const { summarize } = await load('analysis/summarize.js');
  const s = summarize(await simulate(await loadScenario(resolve(resolve('scenarios'), scen)), { trials, seed, workers: 0 }));
  for (const w of s.whatMustBeTrue ?? []) console.log(tag, w.metric ?? '', w.target ?? w.value ?? '', 'shown:', (w.drivers ?? []).map((d) => d.label).join(', ') || '-', '| notShown:', (w.notShown ?? []).length);
}
