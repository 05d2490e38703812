#!/usr/bin/env node
// Bytes allocated per trial by simulateChunk, and by which functions: V8's sampling heap profiler (every
// 256 bytes, objects already collected included) over CHUNKS chunks of 1,000 trials after 5 warm-up
// chunks. A trial's hot loops should allocate nothing: what shows here is mostly numbers boxed where a
// fractional value crosses a call the optimizer did not inline. Usage, after `npm run build`:
//   node bench/chunk-alloc.mjs SCENARIO|book [--dist DIR] [--chunks N] [--top K]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bookCsv, SCENARIO } from './book-fixture.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = pathToFileURL(resolve(opt('--dist', 'dist'))).href;
const chunks = Number(opt('--chunks', 10));
const top = Number(opt('--top', 12));
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planScenario } = await import(`${dist}/model/scenario-plan.js`);
const { allocateChunkBuffers, simulateChunk } = await import(`${dist}/model/simulate-chunk.js`);

let file = args[0] ?? 'scenarios/example.yaml';
let dir;
if (file === 'book') {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-chunk-alloc-'));
  writeFileSync(join(dir, 'book.csv'), bookCsv(20_000));
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
  file = join(dir, 'scenario.yaml');
}
try {
  const loaded = await loadScenario(file);
  const plan = planScenario(loaded.scenario, loaded.files ?? {});
  const buffers = allocateChunkBuffers(plan);
  for (let c = 0; c < 5; c++) simulateChunk(plan, '7', 1000 + c, 1000, buffers);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let c = 0; c < chunks; c++) simulateChunk(plan, '7', c, 1000, buffers);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const byFunction = new Map();
  let total = 0;
  const walk = (node) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  const perTrial = (bytes) => bytes / (chunks * 1000);
  console.log(`bytes allocated per trial, ${args[0] ?? file} (${opt('--dist', 'dist')}): ${perTrial(total).toFixed(0)}`);
  for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${perTrial(bytes).toFixed(0).padStart(8)}  ${name}`);
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
