// The studio's scenarioOf over every position offered-positions.test.ts asks (each driver's ends and
// its central range's ends at each spread, each market end), in one process, on the built dist/:
// the CPU of the positions alone (the scenarios opened first, not counted).
//   node bench/studio-positions-cpu.mjs [rounds]     (after npm run build)
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/studio-positions-cpu.mjs
//   DIST=/tmp/old-dist node bench/studio-positions-cpu.mjs   (another build, for a paired measurement)
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = process.env.DIST ? pathToFileURL(resolve(process.env.DIST)).href : new URL('../dist', import.meta.url).href;
const { openStudioScenario } = await import(`${dist}/studio/studio-scenario.js`);
const { centralRange } = await import(`${dist}/studio/central-range.js`);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 1);
const at = (c, i, j) => {
  const spread = (c.spreads ?? [1])[j];
  return { drivers: { [c.id]: { central: c.values[i], ...(spread !== 1 ? { spread } : {}) } }, market: null, confidence: 0.8 };
};
function extremes(c) {
  const last = c.values.length - 1;
  if (!c.spreads) return [at(c, 0, 0), at(c, last, 0)];
  const widest = c.widest ?? c.values.map(() => c.spreads.length - 1);
  const out = [];
  for (const i of [0, c.planIndex, last]) out.push(at(c, i, 0), at(c, i, widest[i]));
  for (let j = 0; j <= widest[c.planIndex]; j++) {
    const [lo, hi] = centralRange(widest, c.planIndex, j);
    out.push(at(c, lo, j), at(c, hi, j));
  }
  return out;
}
const opened = [];
for (const f of readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'))) {
  const scenario = await openStudioScenario(join(ROOT, 'scenarios', f));
  const seen = new Set();
  const states = scenario.controls.drivers.flatMap(extremes).filter((s) => {
    const key = JSON.stringify(s);
    return !seen.has(key) && !!seen.add(key);
  });
  const m = scenario.controls.market?.percentiles ?? [];
  for (const p of [m[0], m[m.length - 1]]) if (p !== undefined) states.push({ drivers: {}, market: p, confidence: 0.8 });
  opened.push({ scenario, states });
}
const before = process.cpuUsage();
const t0 = performance.now();
let n = 0;
for (let r = 0; r < rounds; r++)
  for (const { scenario, states } of opened)
    for (const s of states) {
      await scenario.scenarioOf(s);
      n++;
    }
const cpu = process.cpuUsage(before);
console.log(JSON.stringify({ positions: n, cpuS: +((cpu.user + cpu.system) / 1e6).toFixed(3), wallS: +((performance.now() - t0) / 1000).toFixed(3), perPositionMs: +(((cpu.user + cpu.system) / 1e3) / n).toFixed(3) }));
