#!/usr/bin/env node
// Which aggregate tables (model/sum-tables.ts) a run draws: each table set of a scenario's plan, and the tables S_2^j built
// in it (j listed) after binding the samplers, after chunk 0 and after CHUNKS chunks of 1,000 trials, in process.
// Usage, after `npm run build`: node bench/tables-drawn.mjs [DIST] [SCENARIO] [CHUNKS]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const dist = pathToFileURL(resolve(process.argv[2] ?? 'dist')).href;
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planLoaded } = await import(`${dist}/engine/simulate.js`);
const { collectSumTableKeys, sumTables } = await import(`${dist}/model/sum-tables.js`);
const { simulateChunk, allocateChunkBuffers, bindChunkSamplers } = await import(`${dist}/model/simulate-chunk.js`);
const plan = planLoaded(await loadScenario(process.argv[3] ?? 'scenarios/example.yaml'));
const keys = collectSumTableKeys(() => bindChunkSamplers(plan));
const show = (w) => console.log(w, keys.map((k) => k + ':' + sumTables(k, () => { throw new Error('new'); }).built().map((t, j) => (t ? j : '')).join('')).join(' '));
show('after bind');
const b = allocateChunkBuffers(plan);
const chunks = Number(process.argv[4] ?? 10);
for (let c = 0; c < chunks; c++) { simulateChunk(plan, '1', c, 1000, b); if (c === 0) show('after chunk 0'); }
show(`after ${chunks} chunks`);
