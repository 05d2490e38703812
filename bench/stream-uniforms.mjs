#!/usr/bin/env node
// Uniforms a trial draws, stream by stream (tier/driver), in process: a copy of a build's dist/ whose
// createStream counts what each stream hands out (next, nextUint32, fill, fillUint32), then CHUNKS
// chunks of 1,000 trials after one warm-up chunk. The copy is made in a temporary folder and removed;
// the build itself is not touched. Usage, after `npm run build`:
//   node bench/stream-uniforms.mjs SCENARIO|book [--dist DIR] [--chunks N] [--top K]
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchScenario, chunkRunner } from './chunk-runner.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const chunks = Number(opt('--chunks', 5));
const top = Number(opt('--top', 30));
const { file, cleanup } = benchScenario(args[0]);
const dir = mkdtempSync(join(tmpdir(), 'arrcast-stream-uniforms-'));
try {
  const copy = join(dir, 'dist');
  cpSync(resolve(opt('--dist', 'dist')), copy, { recursive: true });
  // The copy imports its packages from the project's node_modules.
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const source = join(copy, 'random/source.js');
  const text = readFileSync(source, 'utf8');
  const head = 'export function createStream(seed, state) {';
  if (!text.includes(head)) throw new Error(`${source}: no '${head}' to count from`);
  writeFileSync(
    source,
    text.replace(
      head,
      `export function createStream(seed, state) {
  const r = countedStream(seed, state);
  const rec = { seed, n: 0 };
  (globalThis.__arrcastStreams ??= []).push(rec);
  const w = function next() { rec.n++; return r(); };
  w.next = w;
  w.nextUint32 = () => { rec.n++; return r.nextUint32(); };
  w.fill = (o) => { rec.n += o.length; return r.fill(o); };
  w.fillUint32 = (o, n) => { rec.n += n; return r.fillUint32(o, n); };
  w.rekey = (s) => { rec.seed = s; r.rekey(s); };
  w.state = () => r.state();
  return w;
}
function countedStream(seed, state) {`,
    ),
  );
  // One warm-up chunk (aggregate tables, JIT), then the counts start from zero.
  const run = await chunkRunner(copy, file, 1);
  for (const s of globalThis.__arrcastStreams) s.n = 0;
  for (let c = 0; c < chunks; c++) run(c);
  const trials = chunks * 1000;
  // Seeds are seed/chunk/tier/driver...: the chunk's streams of one driver add up under tier/driver.
  const byStream = new Map();
  let total = 0;
  for (const s of globalThis.__arrcastStreams) {
    const key = s.seed.split('/').slice(2).join('/') || s.seed;
    byStream.set(key, (byStream.get(key) ?? 0) + s.n);
    total += s.n;
  }
  console.log(`uniforms per trial, ${args[0] ?? file}: ${(total / trials).toFixed(1)} (${chunks} chunks of 1,000 trials)`);
  for (const [key, n] of [...byStream].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(n / trials).toFixed(1).padStart(9)}  ${key}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  cleanup();
}
