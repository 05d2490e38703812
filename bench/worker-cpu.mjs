#!/usr/bin/env node
// Worker CPU per trial, in process: simulateChunk of a scenario, CHUNKS chunks of 1,000 trials after 3
// warm-up chunks (JIT, aggregate tables). Usage, after `npm run build`:
//   node bench/worker-cpu.mjs SCENARIO|book [--dist DIR] [--chunks N]
// `book` is the bench's 20,000-customer book (bench/book-fixture.mjs), written to a temporary directory.
// --dist runs another build (a copy of dist/ made before a change) for before/after pairs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
const chunks = Number(opt('--chunks', 30));
const { loadScenario } = await import(`${dist}/scenario/load.js`);
const { planScenario } = await import(`${dist}/model/scenario-plan.js`);
const { allocateChunkBuffers, simulateChunk } = await import(`${dist}/model/simulate-chunk.js`);

let file = args[0] ?? 'scenarios/example.yaml';
let dir;
if (file === 'book') {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-worker-cpu-'));
  writeFileSync(join(dir, 'book.csv'), bookCsv(20_000));
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
  file = join(dir, 'scenario.yaml');
}
try {
  const loaded = await loadScenario(file);
  const plan = planScenario(loaded.scenario, loaded.files ?? {});
  const buffers = allocateChunkBuffers(plan);
  for (let c = 0; c < 3; c++) simulateChunk(plan, '7', 1000 + c, 1000, buffers);
  const start = process.cpuUsage();
  for (let c = 0; c < chunks; c++) simulateChunk(plan, '7', c, 1000, buffers);
  const used = process.cpuUsage(start);
  console.log(`worker CPU per trial, ${args[0] ?? file} (${opt('--dist', 'dist')}): ${((used.user + used.system) / (chunks * 1000)).toFixed(1)} us`);
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
