#!/usr/bin/env node
// The studio's compile of a page state (StudioScenario.scenarioOf: overlay, merge with its bases,
// validation, data files) over every position test/studio/offered-positions.test.ts offers on each
// scenario of scenarios/, plus the untouched state. Prints the wall and process CPU a state and a
// fingerprint of every result (overlay, overlay text, merged scenario, hash, bases, file data):
// builds that compile alike print the same fingerprint. "positions only": the process CPU of the
// scenarioOf calls for the offered positions alone (not the untouched state, not the fingerprinting). Usage, after `npm run build`:
//   node bench/studio-states.mjs [DIST] [REPS]        ONLY=hybrid for the scenarios whose name holds it, PER=1 for each file's figure
//   node --expose-gc bench/studio-states.mjs [DIST] --heap [SCENARIO]   heap kept after 80 states of one scenario compiled
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
const args = process.argv.slice(2);
const heap = args.indexOf('--heap');
const heapFile = heap >= 0 ? (args.splice(heap, 2)[1] ?? 'scenarios/example.yaml') : undefined;
const dist = resolve(args[0] ?? 'dist');
const reps = Number(args[1] ?? 1);
const { openStudioScenario } = await import(join(dist, 'studio/studio-scenario.js'));
const { centralRange } = await import(join(dist, 'studio/central-range.js'));

if (heapFile) {
  const s = await openStudioScenario(heapFile);
  const states = s.controls.drivers.flatMap((c) => c.values.map((v) => ({ drivers: { [c.id]: { central: v } }, market: null, confidence: 0.8 }))).slice(0, 80);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (const st of states) await s.scenarioOf(st).catch(() => undefined);
  globalThis.gc();
  console.log(`${heapFile}: ${states.length} states compiled; heap kept ${((process.memoryUsage().heapUsed - before) / 1024).toFixed(0)} KB`);
  process.exit(0);
}

// As the test lists them: each control's ends; with a spread, the widest at each end and at the plan, and the central range's ends at every spread.
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
const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && (!process.env.ONLY || f.includes(process.env.ONLY)));
const fingerprint = createHash('sha256');
const replacer = (_k, v) => (v instanceof Map ? [...v] : ArrayBuffer.isView(v) ? Array.from(v) : v);
let n = 0;
let ms = 0;
let cpu = 0;
let positionsCpu = 0;
let positions = 0;
for (let r = 0; r < reps; r++)
  for (const f of files) {
    const s = await openStudioScenario(join('scenarios', f));
    const seen = new Set();
    const states = s.controls.drivers.flatMap(extremes).filter((st) => {
      const k = JSON.stringify(st);
      return !seen.has(k) && !!seen.add(k);
    });
    const m = s.controls.market?.percentiles ?? [];
    for (const p of [m[0], m[m.length - 1]]) if (p !== undefined) states.push({ drivers: {}, market: p, confidence: 0.8 });
    states.push({ drivers: {}, market: null, confidence: 0.8 });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const st of states) {
      let out;
      const offered = st !== states[states.length - 1];
      const p0 = process.cpuUsage();
      try {
        const x = await s.scenarioOf(st).finally(() => {
          const p = process.cpuUsage(p0);
          if (offered) (positionsCpu += (p.user + p.system) / 1000), positions++;
        });
        out = JSON.stringify([x.overlay, x.text, x.loaded.scenario, x.loaded.hash, x.loaded.source, x.loaded.bases, x.loaded.files], replacer);
      } catch (e) {
        out = `ERR ${e.message}`;
      }
      if (r === 0) fingerprint.update(out);
      n++;
    }
    const d = performance.now() - t0;
    const c = process.cpuUsage(c0);
    ms += d;
    cpu += (c.user + c.system) / 1000;
    if (r === reps - 1 && process.env.PER) console.log(f, states.length, `${(d / states.length).toFixed(2)} ms a state`);
  }
console.log(`${n} states: ${(ms / n).toFixed(2)} ms a state (process CPU ${(cpu / n).toFixed(2)} ms), fingerprint ${fingerprint.digest('hex').slice(0, 16)}`);
console.log(`positions only: ${positions} positions, ${(positionsCpu / 1000).toFixed(2)} s CPU (${(positionsCpu / positions).toFixed(2)} ms a position)`);
