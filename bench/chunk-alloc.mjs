#!/usr/bin/env node
// Bytes allocated per trial by simulateChunk, and by which functions: V8's sampling heap profiler (every
// 256 bytes, objects already collected included) over CHUNKS chunks of 1,000 trials after 5 warm-up
// chunks. A trial's hot loops should allocate nothing: what shows here is mostly numbers boxed where a
// fractional value crosses a call the optimizer did not inline. Usage, after `npm run build`:
//   node bench/chunk-alloc.mjs SCENARIO|book [--dist DIR] [--chunks N] [--top K]
import { Session } from 'node:inspector/promises';
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const chunks = Number(opt('--chunks', 10));
const top = Number(opt('--top', 12));
const { file, cleanup } = benchScenario(args[0]);
try {
  const run = await chunkRunner(opt('--dist', 'dist'), file, 5);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let c = 0; c < chunks; c++) run(c);
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
  cleanup();
}
