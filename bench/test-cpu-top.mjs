// node bench/test-cpu-top.mjs CPU_LOG [N] [BEFORE_LOG]: the N test files with the most CPU (own + child
// processes) from bench/test-cpu-setup.mjs's lines, as a markdown table, and the sums; with BEFORE_LOG,
// each file's total in that run beside it.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const read = (f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const rows = read(process.argv[2]);
const n = Number(process.argv[3] ?? 30);
const before = process.argv[4] ? new Map(read(process.argv[4]).map((r) => [r.file, r.own + (r.children ?? r.ch)])) : undefined;
const name = (f) => relative(process.cwd(), f);
const sum = (k) => rows.reduce((s, r) => s + k(r), 0);
const ch = (r) => r.children ?? r.ch;
console.log(`${rows.length} files: own ${sum((r) => r.own).toFixed(1)} s + children ${sum(ch).toFixed(1)} s = ${sum((r) => r.own + ch(r)).toFixed(1)} s of CPU; summed wall ${sum((r) => r.wall).toFixed(1)} s`);
console.log(`| # | file | wall | own CPU | children's CPU | total CPU |${before ? ' before |' : ''}`);
console.log(`|---|---|---|---|---|---|${before ? '---|' : ''}`);
rows.sort((a, b) => b.own + ch(b) - (a.own + ch(a)));
rows.slice(0, n).forEach((r, i) => {
  const b = before?.get(r.file);
  console.log(`| ${i + 1} | ${name(r.file)} | ${r.wall.toFixed(1)} s | ${r.own.toFixed(1)} s | ${ch(r).toFixed(1)} s | ${(r.own + ch(r)).toFixed(1)} s |${before ? ` ${b === undefined ? '-' : `${b.toFixed(1)} s`} |` : ''}`);
});
