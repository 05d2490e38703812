#!/usr/bin/env node
// Self time by source line of V8 CPU profiles (their positionTicks, summed over the files given; a line
// of a function inlined into another is counted under the outer function's node, with the inlined
// file's line number), top N, optionally only functions whose "name file" contains PATTERN. Usage:
//   node --cpu-prof --cpu-prof-dir=D --cpu-prof-interval 100 bench/worker-cpu.mjs scenarios/example.yaml --chunks 40
//   node bench/profile-lines.mjs D/*.cpuprofile [--match PATTERN] [--top N]
// Every argument not a flag must be a .cpuprofile file (so a second profile is never taken for PATTERN).
import { readFileSync } from 'node:fs';

const usage = 'usage: node bench/profile-lines.mjs PROFILE.cpuprofile... [--match PATTERN] [--top N]';
const files = [];
let pattern = '';
let top = 40;
const args = process.argv.slice(2);
for (let a = 0; a < args.length; a++) {
  const arg = args[a];
  if (arg === '--match' && a + 1 < args.length) pattern = args[++a];
  else if (arg === '--top' && /^[1-9]\d*$/.test(args[a + 1] ?? '')) top = Number(args[++a]);
  else if (arg.endsWith('.cpuprofile')) files.push(arg);
  else {
    console.error(`${usage}\nnot a .cpuprofile file nor a flag: ${arg}`);
    process.exit(2);
  }
}
if (files.length === 0) {
  console.error(usage);
  process.exit(2);
}
const byLine = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
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
}
console.log(`${files.length} profile(s), ${total} ticks with a line`);
for (const [key, ticks] of [...byLine].sort((x, y) => y[1] - x[1]).slice(0, top))
  console.log(String(ticks).padStart(7), `${((100 * ticks) / total).toFixed(1)}%`.padStart(6), key);
