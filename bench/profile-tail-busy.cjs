// node bench/profile-tail-busy.cjs FILE.cpuprofile: from a --cpu-prof profile of the main thread, its busy time
// (samples not idle, ms) from summarize's first sample to the profile's end (the run's tail), and that span's wall.
const fs = require('node:fs');
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = 0;
let start = -1;
let busy = 0;
for (let i = 0; i < p.samples.length; i++) {
  const d = p.timeDeltas[i] ?? 0;
  t += d;
  if (start < 0) {
    for (let id = p.samples[i]; id !== undefined; id = parent.get(id)) {
      if (byId.get(id).callFrame.functionName === 'summarize') {
        start = t;
        break;
      }
    }
  }
  if (start >= 0 && byId.get(p.samples[i]).callFrame.functionName !== '(idle)') busy += d;
}
console.log(`tail busy ${(busy / 1000).toFixed(0)} ms over ${((t - start) / 1000).toFixed(0)} ms`);
