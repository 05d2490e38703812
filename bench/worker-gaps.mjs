#!/usr/bin/env node
// How long each worker thread of a CLI run waits between its chunks (for the main thread to take a
// finished chunk and hand it the next), and the longest waits with the chunk they came before.
// A copy of a build's dist/ is patched so that the worker logs the time from the end of one chunk to
// the start of the next (nothing else changes); the run is the CLI's, default outputs. The worker is
// dist/engine/worker.bundle.cjs (worker.js only loads it); the copy's code caches are removed (a patched
// bundle's would be rejected by its checksum anyway): the copy's threads start as a build without caches.
// Usage, after `npm run build`: node bench/worker-gaps.mjs [DIST] [--trials N] [--runs R]
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const trials = opt('--trials', '100000');
const runs = Number(opt('--runs', 3));
const dist = resolve(args[0] ?? 'dist');
const dir = mkdtempSync(join(tmpdir(), 'arrcast-gaps-'));
try {
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  for (const cache of ['cli/main.bundle.cjs', 'cli/vendor/charts.bundle.cjs', 'engine/worker.bundle.cjs']) rmSync(join(dir, 'dist', `${cache}.cache`), { force: true });
  const worker = join(dir, 'dist/engine/worker.bundle.cjs');
  const head = 'function runChunk(task) {\n';
  let text = readFileSync(worker, 'utf8');
  if (!text.includes(head)) throw new Error(`${worker}: runChunk not found as expected; update this bench`);
  // runChunk, whatever its body, timed from outside: the gap is from one call's end to the next's start.
  text = text.replace(
    head,
    `let gapEnd = 0;\n${head}  const gapStart = performance.now();\n  if (gapEnd > 0) process.stderr.write(\`gap \${(gapStart - gapEnd).toFixed(1)} \${task.chunk}\\n\`);\n  try {\n    return runChunkUntimed(task);\n  } finally {\n    gapEnd = performance.now();\n  }\n}\nfunction runChunkUntimed(task) {\n`,
  );
  writeFileSync(worker, text);
  for (let r = 0; r < runs; r++) {
    const out = join(dir, `r${r}`);
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(dir, 'dist/cli/main.js'), 'run', 'scenarios/example.yaml', '--trials', trials, '--quiet', '--no-progress', '--out', out], { encoding: 'utf8' });
    const wall = (performance.now() - t) / 1000;
    if (run.status !== 0) throw new Error(run.stderr);
    const gaps = [...run.stderr.matchAll(/^gap ([\d.]+) (\d+)$/gm)].map((m) => ({ ms: Number(m[1]), chunk: Number(m[2]) }));
    const total = gaps.reduce((s, g) => s + g.ms, 0);
    const longest = [...gaps].sort((a, b) => b.ms - a.ms).slice(0, 4).map((g) => `${g.ms.toFixed(0)} ms before chunk ${g.chunk}`);
    console.log(`run ${r + 1}: ${wall.toFixed(2)} s; workers waited ${total.toFixed(0)} ms in all between ${gaps.length + 0} chunks; longest: ${longest.join(', ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
