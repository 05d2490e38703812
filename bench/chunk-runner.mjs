// What the in-process chunk benches share (worker-cpu, worker-cpu-pair, chunk-alloc): the scenario to
// run, `book` standing for the bench's 20,000-customer book written to a temporary directory, and a
// build's simulateChunk bound to that scenario's plan and warmed up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bookCsv, SCENARIO } from './book-fixture.mjs';

/** The scenario file for `arg` (a path, or `book`), and a cleanup that removes what was written for it. */
export function benchScenario(arg = 'scenarios/example.yaml') {
  if (arg !== 'book') return { file: arg, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-chunk-bench-'));
  writeFileSync(join(dir, 'book.csv'), bookCsv(20_000));
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO);
  return { file: join(dir, 'scenario.yaml'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `run(c)`: chunk c (1,000 trials, seed '7') of `file` with the build in `dist`, after `warmUp`
 * chunks (JIT, aggregate tables) numbered from 1000 so they are not the chunks measured.
 */
export async function chunkRunner(dist, file, warmUp) {
  const url = pathToFileURL(resolve(dist)).href;
  const { loadScenario } = await import(`${url}/scenario/load.js`);
  const { planScenario } = await import(`${url}/model/scenario-plan.js`);
  const { allocateChunkBuffers, simulateChunk } = await import(`${url}/model/simulate-chunk.js`);
  const loaded = await loadScenario(file);
  const plan = planScenario(loaded.scenario, loaded.files ?? {});
  const buffers = allocateChunkBuffers(plan);
  for (let c = 0; c < warmUp; c++) simulateChunk(plan, '7', 1000 + c, 1000, buffers);
  return (c) => simulateChunk(plan, '7', c, 1000, buffers);
}
