#!/usr/bin/env node
// worker-cpu-pair.mjs in both load orders, each in a process of its own, and their geometric mean. In one
// process the build loaded second reads about 4% faster whatever it holds (an A/A of two copies of one build
// gave 0.960 over 32 rounds: bench/RESULTS.md, spd25), so one order alone is biased by about that much; the
// mean of B/A (B loaded second) and 1 / (A/B) (B loaded first) cancels it to first order. Usage, as
// worker-cpu-pair.mjs (copies of dist/ beside a node_modules link):
//   node bench/worker-cpu-pair-both.mjs SCENARIO|book BEFORE_DIST [AFTER_DIST] [--rounds R] [--chunks K]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const pair = fileURLToPath(new URL('./worker-cpu-pair.mjs', import.meta.url));
const args = process.argv.slice(2);
const flags = [];
for (const name of ['--rounds', '--chunks']) {
  const i = args.indexOf(name);
  if (i >= 0) flags.push(...args.splice(i, 2));
}
const [scenario = 'scenarios/example.yaml', before, after = 'dist'] = args;
if (!before) throw new Error('usage: node bench/worker-cpu-pair-both.mjs SCENARIO|book BEFORE_DIST [AFTER_DIST] [--rounds R] [--chunks K]');

/** The paired ratio median (second build over first) of one run of worker-cpu-pair.mjs, echoing its line. */
function median(first, second) {
  const line = execFileSync(process.execPath, [pair, scenario, first, second, ...flags], { encoding: 'utf8' }).trim();
  console.log(line);
  const m = /paired ratio median ([0-9.]+)/.exec(line);
  if (!m) throw new Error(`worker-cpu-pair.mjs printed no ratio: ${line}`);
  return Number(m[1]);
}

const second = median(before, after);
const first = 1 / median(after, before);
console.log(
  `B/A with B loaded second ${second.toFixed(3)}, with B loaded first ${first.toFixed(3)}; ` +
    `geometric mean ${Math.sqrt(second * first).toFixed(3)} (B = ${after}, A = ${before})`,
);
