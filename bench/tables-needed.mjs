#!/usr/bin/env node
// Of a run's aggregate tables (model/sum-tables.ts), which are built and which are drawn from: a run of TRIALS
// trials of SCENARIO in process (chunks of 1,000, as a run with --workers 0 makes them), counting, per table set,
// the tables S_2^j built (for a draw, or only for the rule to read their error bound) and those a sum drew from.
// Usage, after `npm run build`: node bench/tables-needed.mjs [DIST] [SCENARIO] [TRIALS]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { collectSumTableKeys, sumTables } = await import(`${dist}/model/sum-tables.js`);
const { CompoundSumTables, SMALLEST_LOG2, LARGEST_LOG2 } = await import(`${dist}/random/compound-sum.js`);
const { simulateChunk, allocateChunkBuffers, bindChunkSamplers } = await import(`${dist}/model/simulate-chunk.js`);
const plan = planLoaded(await loadScenario(process.argv[3] ?? 'scenarios/example.yaml'));
const trials = Number(process.argv[4] ?? 1);
// Every sum drawn from a set's tables: the tables its count k reads (k / 64 of S_64, one S_2^j per set bit j >= 2 of the rest).
const drawn = new Map();
const bindInto = CompoundSumTables.prototype.bindInto;
CompoundSumTables.prototype.bindInto = function (source, single, out) {
  const into = bindInto.call(this, source, single, out);
  let seen = drawn.get(this);
  if (!seen) drawn.set(this, (seen = new Set()));
  return (k) => {
    for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) if (j === LARGEST_LOG2 ? k >= 1 << j : (k >> j) & 1) seen.add(j);
    into(k);
  };
};
const keys = collectSumTableKeys(() => bindChunkSamplers(plan));
const b = allocateChunkBuffers(plan);
for (let c = 0, left = trials; left > 0; c++, left -= 1000) simulateChunk(plan, '1', c, Math.min(1000, left), b);
let built = 0;
let used = 0;
for (const key of keys) {
  const set = sumTables(key, () => { throw new Error('new set'); });
  const js = set.built().map((t, j) => (t ? j : -1)).filter((j) => j >= 0);
  const d = [...(drawn.get(set) ?? [])].sort();
  built += js.length;
  used += d.length;
  console.log(key.padEnd(48), 'built', js.join('').padEnd(6), 'drawn', d.join(''));
}
console.log(`${trials} trials: ${keys.length} sets, ${keys.length * (LARGEST_LOG2 - SMALLEST_LOG2 + 1)} tables possible, ${built} built, ${used} drawn from`);
