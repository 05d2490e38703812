#!/usr/bin/env node
// Where a trial's CPU goes, from V8 CPU profiles of the in-process kernel: self time by function (top N), then
// inclusive time by model step (a sample counts in a step when a frame of the step's function is on its stack,
// outside the table builds; a sample in several steps counts in the innermost). Percentages of all samples.
// Usage, after `npm run build`:
//   node --cpu-prof --cpu-prof-dir=D --cpu-prof-interval 100 bench/worker-cpu.mjs scenarios/example.yaml --chunks 40
//   node bench/profile-steps.mjs D/*.cpuprofile [--top N]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
const files = args.filter((a) => a.endsWith('.cpuprofile'));
if (files.length === 0 || files.length !== args.length) {
  console.error('usage: node bench/profile-steps.mjs PROFILE.cpuprofile... [--top N]');
  process.exit(2);
}

/** Model steps, innermost first: [label, test on a frame "function file"]. The first that matches on a stack, from the leaf up, takes the sample. */
const STEPS = [
  ['aggregate tables built (first use)', (f) => f.startsWith('withAggregatePmf ')],
  ["book's counts (renewals, contraction, expansion: binomials)", (f, up) => f.startsWith('draw random/binomial.js') && up.some((g) => g.startsWith('run model/existing-book-simulator.js'))],
  ["book's sums (contraction shares, expansion sizes)", (f) => f.startsWith('run model/existing-book-simulator.js')],
  ["book's year-level rates (BookRateDrawer)", (f) => f.startsWith('draw model/existing-book-simulator.js')],
  ['lead counts (leads a month)', (f, up) => f.startsWith('(anonymous) model/count-sampler.js') && up.some((g) => g.startsWith('runSource '))],
  ['lag splits of lead sources (sales cycle)', (f, up) => f.startsWith('split model/') && up.some((g) => g.startsWith('runSource '))],
  ['deals from leads (conversion binomials) and the rest of runSource', (f) => f.startsWith('runSource model/new-business-simulator.js')],
  ["signing: deals' ACV sums and service-start splits (inlined into sign)", (f) => f.startsWith('sign model/new-business-simulator.js')],
  ["new customers' expansions, pipeline, year-level draws", (f) => f.startsWith('run model/new-business-simulator.js')],
  ['market factor and its multipliers', (f) => f.startsWith('drawStandardNormal ') || f.includes('model/market.js')],
  ["recording a trial's outputs and the trial loop (reduceTier, fillRecord, reset: whatever else is under simulateChunk)", (f) => f.startsWith('simulateChunk model/simulate-chunk.js')],
];

const self = new Map();
const steps = new Map(STEPS.map(([label]) => [label, 0]));
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const frame = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;
  for (const [id, c] of counts) {
    total += c;
    const stack = [];
    for (let x = id; x !== undefined; x = parent.get(x)) stack.push(frame(byId.get(x)));
    self.set(stack[0], (self.get(stack[0]) ?? 0) + c);
    step: for (let i = 0; i < stack.length; i++) {
      for (const [label, test] of STEPS) {
        if (test(stack[i], stack.slice(i + 1))) {
          steps.set(label, steps.get(label) + c);
          break step;
        }
      }
    }
  }
}
const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
console.log(`${files.length} profile(s), ${total} samples`);
console.log('self time by function:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
console.log('by model step (inclusive, each sample in its innermost step):');
let inSteps = 0;
for (const [k, v] of [...steps].sort((a, b) => b[1] - a[1])) {
  inSteps += v;
  console.log(`  ${pct(v)}  ${k}`);
}
console.log(`  ${pct(total - inSteps)}  elsewhere (module loading, warm-up, GC, the bench)`);
