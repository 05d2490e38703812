#!/usr/bin/env node
// Worker CPU per trial, in process: simulateChunk of a scenario, CHUNKS chunks of 1,000 trials after 3
// warm-up chunks (JIT, aggregate tables). Usage, after `npm run build`:
//   node bench/worker-cpu.mjs SCENARIO|book [--dist DIR] [--chunks N]
// `book` is the bench's 20,000-customer book (bench/book-fixture.mjs), written to a temporary directory.
// --dist runs another build (a copy of dist/ made before a change) for before/after pairs.
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const chunks = Number(opt('--chunks', 30));
const { file, cleanup } = benchScenario(args[0]);
try {
  const run = await chunkRunner(opt('--dist', 'dist'), file, 3);
  const start = process.cpuUsage();
  for (let c = 0; c < chunks; c++) run(c);
  const used = process.cpuUsage(start);
  console.log(`worker CPU per trial, ${args[0] ?? file} (${opt('--dist', 'dist')}): ${((used.user + used.system) / (chunks * 1000)).toFixed(1)} us`);
} finally {
  cleanup();
}
