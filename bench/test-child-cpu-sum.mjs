// node bench/test-child-cpu-sum.mjs CHILD_LOG: bench/test-child-cpu.mjs's lines summed by kind of process
// (vitest and its forks; the built CLI by command; the README's library examples; node -e scripts), as a
// markdown table: processes, CPU, CPU per process.
import { readFileSync } from 'node:fs';

// Lines from worker threads (the pools' dist/worker.js), which test-child-cpu.mjs wrote before it
// skipped them, hold their whole process's CPU: left out.
const rows = readFileSync(process.argv[2], 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .filter((r) => !(r.argv[0] ?? '').endsWith('/worker.js'));
const kind = ({ argv }) => {
  const script = argv[0] ?? '';
  if (script.includes('vitest')) return 'vitest (main, forks)';
  if (script.endsWith('dist/cli/main.js')) return `CLI ${argv[1]?.startsWith('-') ? argv[1] : (argv[1] ?? '')}`;
  if (script.includes('.readme-example-')) return "README's library examples";
  if (script === '' || script.startsWith('-')) return 'node -e / --input-type scripts';
  return script.split('/').slice(-2).join('/');
};
const by = new Map();
for (const r of rows) {
  const k = kind(r);
  const e = by.get(k) ?? { n: 0, cpu: 0 };
  e.n++;
  e.cpu += r.cpu;
  by.set(k, e);
}
const all = rows.filter((r) => !kind(r).startsWith('vitest'));
console.log(`${all.length} child processes (vitest's own left out): ${all.reduce((s, r) => s + r.cpu, 0).toFixed(1)} s of CPU`);
console.log('| process | count | CPU | per process |\n|---|---|---|---|');
for (const [k, e] of [...by].sort((a, b) => b[1].cpu - a[1].cpu)) console.log(`| ${k} | ${e.n} | ${e.cpu.toFixed(1)} s | ${(e.cpu / e.n).toFixed(2)} s |`);
