// Kept from the nineteenth session's attribution review (fixatt19): run with BASE_DIST=<a build of 7791384>/dist [NEW_DIST=dist]; see bench/RESULTS.md.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [scen, trials, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 1)];
const res = {};
for (const [tag, dist] of [['base', (process.env.BASE_DIST ?? 'base-dist-not-given')], ['new', resolve(process.env.NEW_DIST ?? 'dist')]]) {
  const load = (m) => import(pathToFileURL(resolve(dist, m)).href);
  const { loadScenario } = await load('scenario/load.js');
  const { simulate } = await load('engine/simulate.js');
  const { summarize } = await load('analysis/summarize.js');
  const sim = await simulate(await loadScenario(resolve(resolve('scenarios'), scen)), { trials, seed, workers: 0 });
  const t = process.cpuUsage();
  const s = summarize(sim);
  res[tag] = { s: s.sensitivity, cpu: (process.cpuUsage(t).user / 1000).toFixed(0), wmbt: s.whatMustBeTrue };
}
const f = (x) => (100 * x).toFixed(2);
console.log(`${scen} ${trials} seed ${seed}: summarize cpu ms base ${res.base.cpu} new ${res.new.cpu}`);
const byLabel = (s) => new Map(s.drivers.map((d, i) => [d.label, { ...d, rank: i + 1 }]));
const b = byLabel(res.base.s), n = byLabel(res.new.s);
let sw = 0, sn = 0, c = 0;
for (const [label, d] of n) {
  const o = b.get(label);
  const hw = (x) => (x.varianceShareInterval[1] - x.varianceShareInterval[0]) / 2;
  const sig = (x) => x.varianceShareInterval[0] > 0 ? '*' : ' ';
  console.log(`${label.padEnd(42)} base #${String(o.rank).padStart(2)} ${f(o.varianceShare).padStart(7)} ±${f(hw(o))}${sig(o)} | new #${String(d.rank).padStart(2)} ${f(d.varianceShare).padStart(7)} ±${f(hw(d))}${sig(d)}`);
  sw += hw(o); sn += hw(d); c++;
}
console.log(`mean half-width base ${f(sw / c)} new ${f(sn / c)}; unexplained base ${f(res.base.s.unexplained.value)} new ${f(res.new.s.unexplained.value)}`);
console.log('wmbt base', JSON.stringify(res.base.wmbt)?.length, 'new', JSON.stringify(res.new.wmbt)?.length);
