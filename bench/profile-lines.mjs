#!/usr/bin/env node
// Self time by source line of a V8 CPU profile (its positionTicks; a line of a function inlined into
// another is counted under the outer function's node, with the inlined file's line number), top N,
// optionally only functions whose "name file" contains PATTERN. Usage:
//   node --cpu-prof --cpu-prof-dir=D --cpu-prof-interval 100 bench/worker-cpu.mjs scenarios/example.yaml --chunks 40
//   node bench/profile-lines.mjs D/*.cpuprofile [PATTERN] [N]
import { readFileSync } from 'node:fs';

const [file, pattern = '', top = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-lines.mjs PROFILE.cpuprofile [PATTERN] [N]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byLine = new Map();
let total = 0;
for (const node of profile.nodes) {
  const { functionName, url } = node.callFrame;
  const where = url.split('/').slice(-2).join('/');
  for (const { line, ticks } of node.positionTicks ?? []) {
    total += ticks;
    if (!`${functionName} ${where}`.includes(pattern)) continue;
    const key = `${where}:${line} ${functionName || '(anonymous)'}`;
    byLine.set(key, (byLine.get(key) ?? 0) + ticks);
  }
}
for (const [key, ticks] of [...byLine].sort((x, y) => y[1] - x[1]).slice(0, Number(top)))
  console.log(String(ticks).padStart(7), `${((100 * ticks) / total).toFixed(1)}%`.padStart(6), key);
