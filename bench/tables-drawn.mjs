#!/usr/bin/env node
// Which aggregate tables (model/sum-tables.ts) a run builds and draws: each table set of a scenario's plan, and the tables
// S_2^j built in it (j listed) after binding the samplers, after chunk 0 and after CHUNKS chunks of CHUNK_TRIALS trials
// (1,000 unless given: a 1-trial run is `1 1`), in process; then, at each point, how many tables are built (for a draw, or
// only for the rule to read their error bound) and how many a sum drew from.
// Usage, after `npm run build`: node bench/tables-drawn.mjs [DIST] [SCENARIO] [CHUNKS] [CHUNK_TRIALS]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { collectSumTableKeys, sumTables } = await import(`${dist}/model/sum-tables.js`);
const { CompoundSumTables, SMALLEST_LOG2, LARGEST_LOG2 } = await import(`${dist}/random/compound-sum.js`);
const { simulateChunk, allocateChunkBuffers, bindChunkSamplers } = await import(`${dist}/model/simulate-chunk.js`);
const plan = planLoaded(await loadScenario(process.argv[3] ?? 'scenarios/example.yaml'));
// The tables each set's sums drew from: a sum of k reads k / 64 of S_64 and one S_2^j per set bit j >= 2 of the rest.
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
const sets = () => keys.map((k) => sumTables(k, () => { throw new Error('new'); }));
const show = (w) => {
  console.log(w, keys.map((k, i) => k + ':' + sets()[i].built().map((t, j) => (t ? j : '')).join('')).join(' '));
  const built = sets().reduce((n, set) => n + set.built().filter((t) => t !== undefined).length, 0);
  const used = sets().reduce((n, set) => n + (drawn.get(set)?.size ?? 0), 0);
  console.log(`  ${keys.length} sets, ${keys.length * (LARGEST_LOG2 - SMALLEST_LOG2 + 1)} tables possible, ${built} built, ${used} drawn from`);
};
show('after bind');
const b = allocateChunkBuffers(plan);
const chunks = Number(process.argv[4] ?? 10);
const chunkTrials = Number(process.argv[5] ?? 1000);
for (let c = 0; c < chunks; c++) { simulateChunk(plan, '1', c, chunkTrials, b); if (c === 0) show('after chunk 0'); }
show(`after ${chunks} chunks of ${chunkTrials} trials`);
